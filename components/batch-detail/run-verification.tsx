"use client";
// Runs the full verification and lists each check it made, passed or failed, with what it saw.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { useApiCall } from "@/components/use-api-call";
import { verify } from "@/lib/endpoints/verification";
import { useHydrated } from "@/components/use-hydrated";
import type { Check, Outcome } from "@/lib/verification/verify";
import { buttonStyle } from "./section";

export type VerifyResult = { verification_status: string; outcome: Outcome; passed: boolean; note: string | null; checks: Check[]; fraud_assessment: { score: number }; onchain_verified: boolean };

const outcomeTone = { passed: "green", failed: "red", incomplete: "amber" } as const;
const outcomeLabel = { passed: "Passed", failed: "Failed", incomplete: "Incomplete" } as const;

export function CheckList({ result }: { result: VerifyResult }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        <Badge tone={outcomeTone[result.outcome]}>{outcomeLabel[result.outcome]}</Badge> The batch is {result.verification_status} off chain
        {result.onchain_verified ? " and verified on chain." : "; it is not verified on chain."}
        {result.note && <> {result.note}</>}
      </p>
      <ul className="flex flex-col gap-1 text-sm">
        {result.checks.map((c) => (
          <li key={c.name} data-testid="verification-check" data-passed={c.passed} className="flex gap-2">
            <span aria-hidden className={c.passed ? "text-emerald-700 dark:text-emerald-300" : c.isMissing ? "text-amber-700 dark:text-amber-300" : "text-red-700 dark:text-red-300"}>
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
  const run = async () => {
    const json = await call(verify, { params: { batch_id: batchId } });
    if (json) setResult(json);
  };
  return (
    <div className="flex flex-col gap-2">
      <button type="button" className={`${buttonStyle} self-start`} disabled={!isReady || pending} aria-busy={!isReady || pending} onClick={run}>
        {pending ? "Verifying…" : "Run full verification"}
      </button>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        {result && <CheckList result={result} />}
      </div>
    </div>
  );
}
