"use client";

// A button that makes one API call, toasts its outcome (the API's message if it fails), and refreshes the page if not.
import { Button } from "@/components/ui/button";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";

/** The calls a button makes; server components name one (a declaration cannot cross to the browser as a prop). */
type Action = "request-verification" | "detect-fraud" | "sync-batch" | "sync-all";

type Props = { label: string; pendingLabel: string; doneMessage: string; action: Action; batchId?: number };

export function ActionButton({ label, pendingLabel, doneMessage, action, batchId = 0 }: Props) {
  const { call, error, pending } = useApiCall();
  const params = { batch_id: batchId };
  const run = () =>
    action === "request-verification"
      ? call("POST /api/batches/[batch_id]/request-verification", { params, body: {} })
      : action === "detect-fraud"
        ? call("POST /api/batches/[batch_id]/detect-fraud", { params })
        : action === "sync-batch"
          ? call("POST /api/batches/[batch_id]/sync", { params })
          : call("POST /api/sync");
  const isReady = useHydrated();
  useOutcomeToast({ pending, error, success: doneMessage });
  return (
    <Button isPending={!isReady || pending} onClick={run}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
