// Quality: every check the batch has had, and the form to record one for those who may.
import { Card } from "@/components/ui/card";
import type { QualityCheckJson } from "@/lib/quality/checks";

import { QualityCheckForm } from "./quality-check-form";
import { QualityHistory } from "./quality-history";

export function QualitySection({
  batchId,
  checks,
  canRecord,
}: {
  batchId: number;
  checks: QualityCheckJson[];
  canRecord: boolean;
}) {
  return (
    <Card id="quality" title="Quality">
      <div className="flex flex-col gap-4">
        <QualityHistory checks={checks} />
        {canRecord && <QualityCheckForm batchId={batchId} />}
      </div>
    </Card>
  );
}
