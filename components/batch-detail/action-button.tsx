"use client";
// A button that makes one API call, shows the API's message if it fails, and refreshes the page if not.
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";
import { startSync, syncBatch } from "@/lib/endpoints/sync";
import { detectFraud, requestVerification } from "@/lib/endpoints/verification";
import { buttonStyle } from "./section";

/** The calls a button makes; server components name one (a declaration cannot cross to the browser as a prop). */
type Action = "request-verification" | "detect-fraud" | "sync-batch" | "sync-all";

export function ActionButton({ label, pendingLabel, action, batchId = 0 }: { label: string; pendingLabel: string; action: Action; batchId?: number }) {
  const { call, error, pending } = useApiCall();
  const params = { batch_id: batchId };
  const run = () =>
    action === "request-verification" ? call(requestVerification, { params, body: {} }) : action === "detect-fraud" ? call(detectFraud, { params }) : action === "sync-batch" ? call(syncBatch, { params }) : call(startSync);
  const isReady = useHydrated();
  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" className={buttonStyle} disabled={!isReady || pending} aria-busy={!isReady || pending} onClick={run}>
        {pending ? pendingLabel : label}
      </button>
      {error && (
        <p role="alert" className="max-w-sm text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
