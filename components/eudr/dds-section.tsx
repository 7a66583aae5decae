// Due diligence (EUDR) on the batch page: the risk with each factor, each plot's evidence (benchmark,
// declaration, documents, overlap with deforestation layers) with the forms to add it, and the
// batch's statements: generate, download, submit, and their reference numbers once filed.
import { Badge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";
import { urlOf } from "@/lib/endpoints/client";
import { batchDueDiligenceJson } from "@/lib/eudr/json";

import { GenerateStatement } from "./generate-statement";
import { landUseWords, PlotEvidenceForm } from "./plot-evidence-form";
import { StatementList } from "./statement-list";

type Props = {
  db: Db;
  scope: Scope;
  batchId: number;
  canDeclare: boolean;
  canGenerate: boolean;
  canSubmit: boolean;
};

export async function DdsSection({ db, scope, batchId, canDeclare, canGenerate, canSubmit }: Props) {
  const { risk, plots, statements } = await batchDueDiligenceJson(db, scope, batchId);
  const isNegligible = risk.level === "negligible";
  return (
    <Card
      id="due-diligence"
      title="Due diligence"
      actions={
        <Badge tone={isNegligible ? "green" : "red"}>{isNegligible ? "negligible risk" : "risk not negligible"}</Badge>
      }
    >
      <ul className="flex flex-col gap-1 text-sm" aria-label="Risk factors">
        {risk.factors.map((f) => (
          <li key={f.name} className="flex gap-2">
            <span aria-hidden className={f.passed ? "text-green-700" : "text-red-700"}>
              {f.passed ? "✓" : "✗"}
            </span>
            <span>
              <span className="sr-only">{f.passed ? "passed: " : "failed: "}</span>
              {f.sentence} <span className="text-xs text-stone-500">({f.value})</span>
            </span>
          </li>
        ))}
      </ul>
      {plots.length ? (
        <Table label="Plot evidence">
          <TableHead columns={["Plot", "Producer", "Benchmark", "Declaration", "Documents", "Deforested overlap"]} />
          <tbody>
            {plots.map((p) => (
              <tr key={p.id} className={rowClass}>
                <td className={`${cellClass} font-mono`}>
                  {p.reference}
                  <span className="block text-xs text-stone-500">
                    {p.geometry_type.toLowerCase()}, {p.area_ha} ha
                  </span>
                </td>
                <td className={cellClass}>
                  {p.producer_name} ({p.country})
                </td>
                <td className={cellClass}>{p.benchmark}</td>
                <td className={cellClass}>
                  {p.declaration
                    ? `${landUseWords[p.declaration.land_use]}${p.declaration.is_deforestation_free ? ", deforestation-free" : ", NOT deforestation-free"} (${p.declaration.declarant}, ${p.declaration.declared_on})`
                    : "none"}
                  {canDeclare && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs underline">Add evidence</summary>
                      <PlotEvidenceForm plotId={p.id} reference={p.reference} />
                    </details>
                  )}
                </td>
                <td className={cellClass}>
                  {p.documents.length
                    ? p.documents.map((d) => (
                        <a
                          key={d.id}
                          className="block underline"
                          href={urlOf("GET /api/due-diligence/plots/[plot_id]/documents/[document_id]", {
                            params: { plot_id: p.id, document_id: d.id },
                          })}
                        >
                          {d.filename}
                        </a>
                      ))
                    : "none"}
                </td>
                <td className={`${cellClass} tabular-nums`}>{p.overlap_ha} ha</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <Empty>No plots are linked to this batch yet.</Empty>
      )}
      <h3 className="text-sm font-semibold">Statements</h3>
      {canGenerate && <GenerateStatement subject={{ batch_id: batchId }} />}
      <StatementList statements={statements} canSubmit={canSubmit} />
    </Card>
  );
}
