"use client";

// Runs the full verification and lists each check it made, passed or failed, with what it saw.
import { useState } from "react";

import { ValueBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useOutcomeToast } from "@/components/ui/toast";
import { toneStyles } from "@/components/ui/tones";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";
import type { Check, Outcome } from "@/lib/verification/verify";

export type VerifyResult = {
  verification_status: string;
  outcome: Outcome;
  passed: boolean;
  note: string | null;
  checks: Check[];
  fraud_assessment: { score: number };
  onchain_verified: boolean;
};

const outcomeLabel = { passed: "Passed", failed: "Failed", incomplete: "Incomplete" } as const;

export function CheckList({ result }: { result: VerifyResult }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        <ValueBadge value={result.outcome}>{outcomeLabel[result.outcome]}</ValueBadge> The batch is{" "}
        {result.verification_status} off chain
        {result.onchain_verified ? " and verified on chain." : "; it is not verified on chain."}
        {result.note && <> {result.note}</>}
      </p>
      <ul className="flex flex-col gap-1 text-sm">
        {result.checks.map((c) => (
          <li key={c.name} data-testid="verification-check" data-passed={c.passed} className="flex gap-2">
            <span aria-hidden className={toneStyles[c.passed ? "green" : c.isMissing ? "amber" : "red"].text}>
              {c.passed ? "✓" : c.isMissing ? "–" : "✗"}
            </span>
            <span className="font-medium capitalize">{c.name}</span>
            <span className="sr-only">{c.passed ? "passed" : c.isMissing ? "not made" : "failed"}</span>
            <span className="text-stone-600 dark:text-stone-400">{c.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RunVerification({ batchId }: { batchId: number }) {
  const { call, error, pending } = useApiCall();
  const isReady = useHydrated();
  const [result, setResult] = useState<VerifyResult | null>(null);
  useOutcomeToast({ pending, error, success: "Verification run: each check is listed below." });
  const run = async () => {
    const json = await call("POST /api/batches/[batch_id]/verify", { params: { batch_id: batchId } });
    if (json) setResult(json);
  };
  return (
    <div className="flex flex-col gap-2">
      <Button className="self-start" isPending={!isReady || pending} onClick={run}>
        {pending ? "Verifying…" : "Run full verification"}
      </Button>
      <div aria-live="polite">{result && <CheckList result={result} />}</div>
    </div>
  );
}
