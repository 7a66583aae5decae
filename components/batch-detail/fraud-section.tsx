// Fraud risk: the latest score and every factor behind it, so the number can be explained.
import { Badge } from "@/components/ui/badge";
import { formatWhen, scoreTone } from "@/components/verification/display";
import type { FraudAssessmentJson } from "@/lib/fraud/assess";
import { humanize } from "@/lib/format";
import { ActionButton } from "./action-button";
import { Empty, headRowStyle, Section, tableStyle } from "./section";

export function FraudSection({ batchId, assessment, canDetect }: { batchId: number; assessment: FraudAssessmentJson | null; canDetect: boolean }) {
  return (
    <Section id="fraud" title="Fraud risk" actions={canDetect && <ActionButton label="Detect fraud" pendingLabel="Scoring…" action="detect-fraud" batchId={batchId} />}>
      {!assessment ? (
        <Empty>Never assessed.</Empty>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span data-testid="fraud-score">
              <Badge tone={scoreTone(assessment.score)}>{assessment.score}/100</Badge>
            </span>
            <span className="text-stone-500">
              Assessed {formatWhen(assessment.created_at)} with {assessment.model_version}
              {assessment.alert_id && ", which raised an alert"}
            </span>
          </p>
          <div className="overflow-x-auto">
            <table className={tableStyle}>
              <thead>
                <tr className={headRowStyle}>
                  <th className="py-2 pr-4">Factor</th>
                  <th className="py-2 pr-4">Weight</th>
                  <th className="py-2 pr-4">Value</th>
                  <th className="py-2 pr-4">Points</th>
                  <th className="py-2 pr-4">Reason</th>
                </tr>
              </thead>
              <tbody>
                {assessment.factors.map((f) => (
                  <tr key={f.name} data-testid="fraud-factor" className={`border-t border-stone-200 align-top dark:border-stone-800 ${f.points > 0 ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}>
                    <th scope="row" className="py-1.5 pr-4 font-medium">
                      {humanize(f.name)}
                    </th>
                    <td className="py-1.5 pr-4 font-mono text-xs">{f.weight}</td>
                    <td className="py-1.5 pr-4 font-mono text-xs">{f.value ?? "—"}</td>
                    <td className="py-1.5 pr-4 font-mono text-xs">{f.points}</td>
                    <td className="py-1.5 pr-4">{f.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Section>
  );
}
