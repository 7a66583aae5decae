"use client";

// Runs fraud detection or full verification over the selected batches, with progress.
import { useState } from "react";

import { BulkProgress, useBulk, type BulkBatch, type Outcome } from "@/components/bulk";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { scoreTone } from "@/components/ui/tones";
import { useHydrated } from "@/components/use-hydrated";
import { attempt } from "@/lib/endpoints/client";

type Kind = "fraud" | "verify";

async function runOne(kind: Kind, batch: BulkBatch): Promise<Outcome> {
  if (kind === "fraud") {
    const r = await attempt("POST /api/batches/[batch_id]/detect-fraud", { params: { batch_id: batch.id } });
    if (!r.ok) return { batch, tone: "gray", text: r.error.message };
    return {
      batch,
      tone: scoreTone(r.data.score),
      text: `Fraud risk ${r.data.score}/100${r.data.alert_id ? ", alert raised" : ""}`,
    };
  }
  const r = await attempt("POST /api/batches/[batch_id]/verify", { params: { batch_id: batch.id } });
  if (!r.ok) return { batch, tone: "gray", text: r.error.message };
  const failed = r.data.checks.filter((c) => !c.passed && !c.isMissing).map((c) => c.name);
  const missing = r.data.checks.filter((c) => c.isMissing).map((c) => c.name);
  const note = r.data.note ? ` (${r.data.note})` : "";
  if (r.data.outcome === "failed") return { batch, tone: "red", text: `Failed: ${failed.join(", ")}${note}` };
  if (r.data.outcome === "incomplete")
    return { batch, tone: "amber", text: `Incomplete: no ${missing.join(", ")} check yet${note}` };
  return { batch, tone: "green", text: `Passed: every check passed${note}` };
}

export function BulkRun({
  batches,
  canDetect,
  canVerify,
}: {
  batches: BulkBatch[];
  canDetect: boolean;
  canVerify: boolean;
}) {
  const { run, isRunning, start } = useBulk();
  const [isConfirming, setIsConfirming] = useState(false);
  const isReady = useHydrated();
  const begin = (kind: Kind) =>
    start(kind === "fraud" ? "Fraud detection" : "Verification", batches, (b) => runOne(kind, b));

  if (!canDetect && !canVerify) return null;
  return (
    <section aria-label="Bulk runs" className={`flex flex-col gap-3 ${cardClass}`}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">
          {batches.length === 0
            ? "Select batches below to run checks on them together."
            : `${batches.length} batch${batches.length === 1 ? "" : "es"} selected.`}
        </p>
        <div className="ml-auto flex gap-2">
          {canDetect && (
            <Button disabled={batches.length === 0} isPending={!isReady || isRunning} onClick={() => begin("fraud")}>
              Detect fraud for selected
            </Button>
          )}
          {canVerify && (
            <Button
              disabled={batches.length === 0 || isConfirming}
              isPending={!isReady || isRunning}
              onClick={() => setIsConfirming(true)}
            >
              Run full verification for selected
            </Button>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={isConfirming}
        onOpenChange={setIsConfirming}
        title="Confirm the full verification"
        description={`Run a full verification of ${batches.length} batch${batches.length === 1 ? "" : "es"}? Each passing batch becomes verified and each failing one failed; a batch with a count pending, or without a quality check, keeps its status.`}
        confirmLabel={`Verify ${batches.length} batch${batches.length === 1 ? "" : "es"}`}
        onConfirm={() => begin("verify")}
      />
      <BulkProgress run={run} isRunning={isRunning} />
    </section>
  );
}
