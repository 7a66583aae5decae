// Due diligence statements as a table: status, risk, the EU reference and verification numbers, a
// download link, and (for those who may) a submit button per draft.
import { Badge } from "@/components/ui/badge";
import { Empty } from "@/components/ui/card";
import { cellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { urlOf } from "@/lib/endpoints/client";
import type { statementJson } from "@/lib/eudr/json";

import { SubmitStatement } from "./submit-statement";

export type StatementJson = ReturnType<typeof statementJson>;

export function StatementList({ statements, canSubmit }: { statements: StatementJson[]; canSubmit: boolean }) {
  if (!statements.length) return <Empty>No due diligence statement yet.</Empty>;
  return (
    <Table label="Due diligence statements" testId="statements">
      <TableHead columns={["Statement", "For", "Risk", "Status", "Reference", "Verification", ""]} />
      <tbody>
        {statements.map((s) => (
          <tr key={s.id} className={rowClass}>
            <td className={`${cellClass} font-mono`}>#{s.id}</td>
            <td className={cellClass}>
              {s.order_id ? `order ${s.order_id}` : (s.batch_code ?? `batch ${s.batch_id}`)}
            </td>
            <td className={cellClass}>
              <Badge tone={s.risk_level === "negligible" ? "green" : "red"}>{s.risk_level.replace("_", " ")}</Badge>
            </td>
            <td className={cellClass}>
              <Badge tone={s.status === "filed" ? "green" : "gray"}>{s.status}</Badge>
            </td>
            <td className={`${cellClass} font-mono`}>{s.reference_number ?? "—"}</td>
            <td className={`${cellClass} font-mono`}>{s.verification_number ?? "—"}</td>
            <td className={`${cellClass} flex flex-wrap gap-2`}>
              <a
                className="underline"
                href={urlOf("GET /api/due-diligence/statements/[statement_id]", { params: { statement_id: s.id } })}
                download
              >
                Download JSON
              </a>
              {canSubmit && s.status === "draft" && s.risk_level === "negligible" && (
                <SubmitStatement statementId={s.id} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
