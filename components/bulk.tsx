"use client";

// Runs one action over many batches, three at a time, and shows how far it got and what each answered.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Badge, type Tone } from "@/components/ui/badge";
import { toast } from "@/components/ui/toast";

export type BulkBatch = { id: number; code: string };
export type Outcome = { batch: BulkBatch; tone: Tone; text: string };
type Run = { label: string; total: number; outcomes: Outcome[] };

const concurrency = 3;

export function useBulk() {
  const router = useRouter();
  const [run, setRun] = useState<Run | null>(null);
  const isRunning = run !== null && run.outcomes.length < run.total;

  async function start(label: string, batches: BulkBatch[], runOne: (batch: BulkBatch) => Promise<Outcome>) {
    const queue = [...batches];
    setRun({ label, total: queue.length, outcomes: [] });
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const outcome = await runOne(next);
        setRun((r) => r && { ...r, outcomes: [...r.outcomes, outcome] });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    toast.success(
      `${label}: finished ${batches.length} batch${batches.length === 1 ? "" : "es"}; each one's result is listed.`,
    );
    router.refresh();
  }

  return { run, isRunning, start };
}

export function BulkProgress({ run, isRunning }: { run: Run | null; isRunning: boolean }) {
  if (!run) return null;
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <div className="flex items-center gap-3 text-sm">
        <progress
          aria-label={`${run.label} progress`}
          value={run.outcomes.length}
          max={run.total}
          className="h-2 w-64"
        />
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
  );
}
