// The orders list as a table: number, buyer, status, lines, kilograms, total and when it was made.
import { ValueBadge } from "@/components/ui/badge";
import { cellClass, LinkCell, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { OrderSummaryJson } from "@/lib/orders/orders";

export function OrdersTable({ orders }: { orders: OrderSummaryJson[] }) {
  return (
    <Table testId="orders" isFramed={false}>
      <TableHead
        columns={["Order", "Buyer", "Status", numeric("Lines"), numeric("Quantity (kg)"), numeric("Total"), "Created"]}
      />
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-order-id={o.id} data-status={o.status} className={rowClass}>
            <LinkCell href={`/orders/${o.id}`}>#{o.id}</LinkCell>
            <td className={cellClass}>{o.buyer}</td>
            <td className={cellClass} data-column="status">
              <ValueBadge value={o.status} />
            </td>
            <td className={numericCellClass}>{o.lines}</td>
            <td className={numericCellClass}>{formatDecimal(o.quantity_kg, 3)}</td>
            <td className={numericCellClass}>
              {formatDecimal(o.total, 2)} {o.currency}
            </td>
            <td className={`${cellClass} text-xs`}>{formatWhen(o.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
