"use client";
// Runs fraud detection or full verification over the selected batches, three at a time, with progress.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonStyle } from "@/components/batch-detail/section";
import { Badge, type Tone } from "@/components/ui/badge";
import { postJson } from "./post-json";

export type BulkBatch = { id: number; code: string };
type Kind = "fraud" | "verify";
type Outcome = { batch: BulkBatch; tone: Tone; text: string };

const concurrency = 3;

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
  const router = useRouter();
  const [run, setRun] = useState<{ kind: Kind; total: number; outcomes: Outcome[] } | null>(null);
  const isRunning = run !== null && run.outcomes.length < run.total;

  async function start(kind: Kind) {
    const queue = [...batches];
    setRun({ kind, total: queue.length, outcomes: [] });
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const outcome = await runOne(kind, next);
        setRun((r) => r && { ...r, outcomes: [...r.outcomes, outcome] });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    router.refresh();
  }

  if (!canDetect && !canVerify) return null;
  return (
    <section aria-label="Bulk runs" className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">{batches.length === 0 ? "Select batches below to run checks on them together." : `${batches.length} batch${batches.length === 1 ? "" : "es"} selected.`}</p>
        <div className="ml-auto flex gap-2">
          {canDetect && (
            <button type="button" className={buttonStyle} disabled={batches.length === 0 || isRunning} onClick={() => start("fraud")}>
              Detect fraud for selected
            </button>
          )}
          {canVerify && (
            <button type="button" className={buttonStyle} disabled={batches.length === 0 || isRunning} onClick={() => start("verify")}>
              Run full verification for selected
            </button>
          )}
        </div>
      </div>
      {run && (
        <div className="flex flex-col gap-2" aria-live="polite">
          <div className="flex items-center gap-3 text-sm">
            <progress aria-label={run.kind === "fraud" ? "Fraud detection progress" : "Verification progress"} value={run.outcomes.length} max={run.total} className="h-2 w-64" />
            <span data-testid="bulk-progress">
              {run.outcomes.length} of {run.total}
            </span>
            {!isRunning && <span className="text-stone-500">Done.</span>}
          </div>
          <ul className="flex flex-col gap-1 text-sm">
            {run.outcomes.map((o) => (
              <li key={o.batch.id} data-testid="bulk-result" className="flex flex-wrap items-center gap-2">
                <span className="font-mono">{o.batch.code}</span>
                <Badge tone={o.tone}>{o.text}</Badge>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
