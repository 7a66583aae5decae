// An order's facts: buyer, where its tokens go, the delivery address, the money and the dates it moved.
import { Facts, type Fact } from "@/components/ui/facts";
import { dateFacts, formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { OrderJson } from "@/lib/orders/orders";

export function OrderFacts({ order }: { order: OrderJson }) {
  const address = order.delivery_address;
  const dates = dateFacts([
    ["Confirmed", order.confirmed_at],
    ["Shipped", order.shipped_at],
    ["Delivered", order.delivered_at],
    ["Cancelled", order.cancelled_at],
    ["Refunded", order.refunded_at],
  ]);
  const facts: Fact[] = [
    ["Buyer", `${order.buyer} (${order.buyer_kind})`],
    [
      "Delivery",
      order.delivery_wallet ? (
        <span className="font-mono text-xs">{order.delivery_wallet}</span>
      ) : (
        "ships by redemption (no delivery wallet)"
      ),
    ],
    ["Address", address ? `${address.label}: ${address.lines}, ${address.country}` : null],
    ["Quantity", `${formatDecimal(order.quantity_kg, 3)} kg`],
    ["Total", `${formatDecimal(order.total, 2)} ${order.currency}`],
    ["Created", formatWhen(order.created_at)],
    ...dates,
    ["Note", order.note],
  ];
  return <Facts facts={facts} className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3" />;
}
