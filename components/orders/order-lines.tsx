// An order's lines: each batch with its kilograms and price, and what the batch has for sale,
// reserved and available right now (the stock check), and what the buyer's delivery wallet holds of it.
// Once delivered, each line links to a return request for those who may ask for one.
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { cellClass, LinkCell, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { formatDecimal, humanize } from "@/lib/format";
import type { OrderJson } from "@/lib/orders/orders";

export function OrderLines({ order, canReturn }: { order: OrderJson; canReturn: boolean }) {
  const isReturnable = canReturn && order.status === "delivered";
  return (
    <Card id="order-lines" title="Lines">
      <Table testId="order-lines" isFramed={false}>
        <TableHead
          columns={[
            "Batch",
            "Origin",
            "Grade",
            "Warehouse",
            numeric("Quantity (kg)"),
            numeric(`Price / kg (${order.currency})`),
            numeric(`Line total (${order.currency})`),
            numeric("For sale now (kg)"),
            numeric("Reserved now (kg)"),
            numeric("Available now (kg)"),
            numeric("In the buyer's wallet (kg)"),
            ...(isReturnable ? [""] : []),
          ]}
        />
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id} data-batch-id={l.batch_id} className={rowClass}>
              <LinkCell href={`/batches/${l.batch_id}`}>{l.batch_code}</LinkCell>
              <td className={cellClass}>{l.origin_country}</td>
              <td className={cellClass}>{l.quality_grade ? humanize(l.quality_grade) : "—"}</td>
              <td className={cellClass}>{l.warehouse ?? "any"}</td>
              <td className={numericCellClass} data-column="quantity_kg">
                {formatDecimal(l.quantity_kg, 3)}
              </td>
              <td className={numericCellClass}>{formatDecimal(l.price_per_kg, 2)}</td>
              <td className={numericCellClass}>{formatDecimal(l.total, 2)}</td>
              <td className={numericCellClass}>{formatDecimal(l.stock.for_sale_kg, 3)}</td>
              <td className={numericCellClass}>{formatDecimal(l.stock.reserved_kg, 3)}</td>
              <td className={numericCellClass} data-column="available_kg">
                {formatDecimal(l.stock.available_kg, 3)}
              </td>
              <td className={numericCellClass} data-column="in_buyer_wallet_kg">
                {formatDecimal(l.in_buyer_wallet_kg, 3)}
              </td>
              {isReturnable && (
                <td className={cellClass}>
                  <Link href={`/returns/new?order_line_id=${l.id}`} className="underline">
                    Return…
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
