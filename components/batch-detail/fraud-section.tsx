// Fraud risk: the latest score and every factor behind it, so the number can be explained.
import { Badge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { Row, Table, TableHead } from "@/components/ui/table";
import { scoreTone, toneStyles } from "@/components/ui/tones";
import { formatWhen } from "@/components/verification/display";
import { humanize } from "@/lib/format";
import type { FraudAssessmentJson } from "@/lib/fraud/assess";

import { ActionButton } from "./action-button";

export function FraudSection({
  batchId,
  assessment,
  canDetect,
}: {
  batchId: number;
  assessment: FraudAssessmentJson | null;
  canDetect: boolean;
}) {
  return (
    <Card
      id="fraud"
      title="Fraud risk"
      actions={
        canDetect && (
          <ActionButton
            label="Detect fraud"
            pendingLabel="Scoring…"
            doneMessage="Fraud risk scored."
            action="detect-fraud"
            batchId={batchId}
          />
        )
      }
    >
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
          <Table isFramed={false}>
            <TableHead columns={["Factor", "Weight", "Value", "Points", "Reason"]} />
            <tbody>
              {assessment.factors.map((f) => (
                <Row key={f.name} data-testid="fraud-factor" className={f.points > 0 ? toneStyles.amber.box : ""}>
                  <th scope="row" className="px-2 py-1.5 font-medium">
                    {humanize(f.name)}
                  </th>
                  <td className="px-2 py-1.5 font-mono text-xs">{f.weight}</td>
                  <td className="px-2 py-1.5 font-mono text-xs">{f.value ?? "—"}</td>
                  <td className="px-2 py-1.5 font-mono text-xs">{f.points}</td>
                  <td className="px-2 py-1.5">{f.reason}</td>
                </Row>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
