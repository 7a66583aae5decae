// An order's or a return's history: its audit records, oldest first, with who did what and their note.
import { actionWords, actorLabel } from "@/components/batch-detail/audit-trail";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import type { AuditJson } from "@/lib/audit/history";

/** `id` names the card and its table (order-history, return-history). */
export function History({ id, records }: { id: string; records: AuditJson[] }) {
  return (
    <Card id={id} title="History">
      {records.length === 0 ? (
        <Empty>Nothing recorded yet.</Empty>
      ) : (
        <Table testId={id} isFramed={false}>
          <TableHead columns={["When", "Action", "By", "Note"]} />
          <tbody>
            {records.map((r) => (
              <Row key={r.position} data-action={r.action}>
                <td className={`${cellClass} whitespace-nowrap text-xs`}>{formatWhen(r.created_at)}</td>
                <td className={cellClass}>{actionWords(r.action)}</td>
                <td className={cellClass}>{actorLabel(r.actor)}</td>
                <td className={cellClass}>{r.note ?? ""}</td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
