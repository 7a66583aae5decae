"use client";
// Runs fraud detection or full verification over the selected batches, with progress.
import { buttonStyle } from "@/components/batch-detail/section";
import { BulkProgress, useBulk, type BulkBatch, type Outcome } from "@/components/bulk";
import { postJson } from "./post-json";

export type { BulkBatch };
type Kind = "fraud" | "verify";

async function runOne(kind: Kind, batch: BulkBatch): Promise<Outcome> {
  if (kind === "fraud") {
    const r = await postJson<{ score: number; alert_id: number | null }>(`/api/batches/${batch.id}/detect-fraud`);
    if (!r.ok) return { batch, tone: "gray", text: r.message };
    return { batch, tone: r.data.score >= 75 ? "red" : r.data.score >= 50 ? "amber" : "green", text: `Fraud risk ${r.data.score}/100${r.data.alert_id ? ", alert raised" : ""}` };
  }
  const r = await postJson<{ passed: boolean; checks: { name: string; passed: boolean }[] }>(`/api/batches/${batch.id}/verify`);
  if (!r.ok) return { batch, tone: "gray", text: r.message };
  const failed = r.data.checks.filter((c) => !c.passed).map((c) => c.name);
  return { batch, tone: r.data.passed ? "green" : "red", text: r.data.passed ? "Verified: every check passed" : `Failed: ${failed.join(", ")}` };
}

export function BulkRun({ batches, canDetect, canVerify }: { batches: BulkBatch[]; canDetect: boolean; canVerify: boolean }) {
  const { run, isRunning, start } = useBulk();
  const begin = (kind: Kind) => start(kind === "fraud" ? "Fraud detection" : "Verification", batches, (b) => runOne(kind, b));

  if (!canDetect && !canVerify) return null;
  return (
    <section aria-label="Bulk runs" className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">{batches.length === 0 ? "Select batches below to run checks on them together." : `${batches.length} batch${batches.length === 1 ? "" : "es"} selected.`}</p>
        <div className="ml-auto flex gap-2">
          {canDetect && (
            <button type="button" className={buttonStyle} disabled={batches.length === 0 || isRunning} onClick={() => begin("fraud")}>
              Detect fraud for selected
            </button>
          )}
          {canVerify && (
            <button type="button" className={buttonStyle} disabled={batches.length === 0 || isRunning} onClick={() => begin("verify")}>
              Run full verification for selected
            </button>
          )}
        </div>
      </div>
      <BulkProgress run={run} isRunning={isRunning} />
    </section>
  );
}
