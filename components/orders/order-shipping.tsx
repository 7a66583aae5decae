// An order's reservations (what each line holds, until when) and shipments (the transactions that
// send or redeem its tokens).
import { ValueBadge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, numeric, numericCellClass, Row, rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { OrderJson } from "@/lib/orders/orders";

import { TransferCells, transferColumns } from "./transfer-cells";

const codeOfLine = (order: OrderJson) => {
  const codes = new Map(order.lines.map((l) => [l.id, l.batch_code]));
  return (lineId: number) => codes.get(lineId) ?? `line ${lineId}`;
};

export function OrderReservations({ order }: { order: OrderJson }) {
  const codeOf = codeOfLine(order);
  return (
    <Card id="order-reservations" title="Reservations">
      {order.reservations.length === 0 ? (
        <Empty>Nothing reserved: an order reserves its lines when it is confirmed.</Empty>
      ) : (
        <Table testId="order-reservations" isFramed={false}>
          <TableHead columns={["Batch", "Status", "Warehouse", numeric("Quantity (kg)"), "Expires", "Ended"]} />
          <tbody>
            {order.reservations.map((r) => (
              <tr key={r.id} data-status={r.status} className={rowClass}>
                <td className={`${cellClass} font-mono`}>{codeOf(r.order_line_id)}</td>
                <td className={cellClass}>
                  <ValueBadge value={r.status} />
                </td>
                <td className={cellClass}>{r.warehouse ?? "any"}</td>
                <td className={numericCellClass}>{formatDecimal(r.quantity_kg, 3)}</td>
                <td className={`${cellClass} text-xs`}>{formatWhen(r.expires_at)}</td>
                <td className={`${cellClass} text-xs`}>{r.ended_at ? formatWhen(r.ended_at) : ""}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

export function OrderShipments({ order, explorerUrl }: { order: OrderJson; explorerUrl: string | null }) {
  const codeOf = codeOfLine(order);
  return (
    <Card id="order-shipments" title="Shipments">
      {order.shipments.length === 0 ? (
        <Empty>Not shipped yet.</Empty>
      ) : (
        <Table testId="order-shipments" isFramed={false}>
          <TableHead columns={["Batch", ...transferColumns]} />
          <tbody>
            {order.shipments.map((s) => (
              <Row key={s.id} data-status={s.status}>
                <td className={`${cellClass} font-mono`}>{codeOf(s.order_line_id)}</td>
                <TransferCells transfer={s} explorerUrl={explorerUrl} />
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
