// An order's history: its audit records, oldest first, with who did what and their note.
import { actionWords, actorLabel } from "@/components/batch-detail/audit-trail";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import type { OrderJson } from "@/lib/orders/orders";

export function OrderHistory({ records }: { records: OrderJson["history"] }) {
  return (
    <Card id="order-history" title="History">
      {records.length === 0 ? (
        <Empty>Nothing recorded yet.</Empty>
      ) : (
        <Table testId="order-history" isFramed={false}>
          <TableHead columns={["When", "Action", "By", "Note"]} />
          <tbody>
            {records.map((r) => (
              <tr key={r.position} data-action={r.action} className={`${rowClass} align-top`}>
                <td className={`${cellClass} whitespace-nowrap text-xs`}>{formatWhen(r.created_at)}</td>
                <td className={cellClass}>{actionWords(r.action)}</td>
                <td className={cellClass}>{actorLabel(r.actor)}</td>
                <td className={cellClass}>{r.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
