// A plot's edit history, oldest first: who created or edited it, and each field that changed.
import { Card, Empty } from "@/components/ui/card";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import type { AuditJson } from "@/lib/audit/history";
import { fieldWords } from "@/lib/audit/words";

const words = (key: string, v: unknown) =>
  v === null || v === undefined
    ? "—"
    : key === "geometry"
      ? `${(v as { type: string }).type}`
      : Array.isArray(v)
        ? v.join(" ") || "none"
        : String(v);

function changes(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) =>
      k in b
        ? `${fieldWords(k)}: ${words(k, b[k])} → ${words(k, a[k])}${k === "geometry" ? " (moved)" : ""}`
        : `${fieldWords(k)}: ${words(k, a[k])}`,
    );
}

export function PlotHistory({ records }: { records: AuditJson[] }) {
  return (
    <Card id="history" title="Edit history">
      {records.length === 0 ? (
        <Empty>Nothing recorded yet.</Empty>
      ) : (
        <Table isFramed={false} label="Edit history">
          <TableHead columns={["When", "Action", "By", "What changed", "Note"]} />
          <tbody>
            {records.map((r) => (
              <Row key={r.position} data-testid="plot-history" data-action={r.action}>
                <td className={`${cellClass} whitespace-nowrap text-xs`}>{formatWhen(r.created_at)}</td>
                <td className={cellClass}>{r.action}</td>
                <td className={cellClass}>{r.actor.label ?? r.actor.kind}</td>
                <td className={`${cellClass} text-xs`}>
                  <ul>
                    {changes(r.before, r.after).map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </td>
                <td className={cellClass}>{r.note ?? ""}</td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
