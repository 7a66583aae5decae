"use client";
// Records the count for one pending request in a modal dialog, then shows the decision it got.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonStyle, primaryButtonStyle } from "@/components/batch-detail/section";
import { Badge } from "@/components/ui/badge";
import { field, labelStyle } from "@/components/ui/select";
import type { RequestJson } from "@/lib/verification/requests";
import { requestTone } from "./display";
import { messageInFormWords } from "@/components/field-errors";
import { attempt } from "@/lib/endpoints/client";
import { processRequest } from "@/lib/endpoints/verification";

/** Mounted (with the request's id as key) for one request at a time; it opens itself. */
export function ProcessDialog({ request, onClose }: { request: RequestJson; onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [decision, setDecision] = useState<RequestJson | null>(null);

  useEffect(() => dialog.current?.showModal(), []);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const element = e.currentTarget;
    const form = new FormData(element);
    const notes = String(form.get("notes") ?? "").trim();
    setPending(true);
    setError(null);
    const result = await attempt(processRequest, { params: { request_id: request.id }, body: { actual_quantity: String(form.get("actual_quantity") ?? "").trim(), ...(notes ? { notes } : {}) } });
    setPending(false);
    if (result.ok) return setDecision(result.data);
    setError(result.error.status === 409 ? `This request was already processed by someone else. ${result.error.message}` : messageInFormWords(element, result.error.message, result.error.details));
  }

  // Escape and the Close button both end here; the queue is refreshed to show the decision.
  const closed = () => {
    router.refresh();
    onClose();
  };

  return (
    <dialog ref={dialog} aria-labelledby="process-title" onClose={closed} className="m-auto w-full max-w-lg rounded-lg border border-stone-200 bg-white p-5 text-stone-900 backdrop:bg-black/40 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-100">
      <div className="flex flex-col gap-4">
        <h2 id="process-title" className="text-lg font-semibold">
          Process request #{request.id} for {request.batch_code}
        </h2>
        {decision ? (
          <div aria-live="polite" className="flex flex-col gap-2 text-sm">
            <p>
              Decision: <Badge tone={requestTone[decision.status]}>{decision.status}</Badge>
            </p>
            <p data-testid="decision-reason">{decision.decision_reason}</p>
            {decision.discrepancy_kg !== null && (
              <p className="text-stone-500">
                Discrepancy {decision.discrepancy_kg} kg ({decision.discrepancy_pct}%), tolerance {decision.tolerance_pct}%.
              </p>
            )}
          </div>
        ) : (
          <form onSubmit={submit} noValidate className="flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="actual-quantity" className={labelStyle}>
                Counted quantity (kg)
              </label>
              <input id="actual-quantity" name="actual_quantity" inputMode="decimal" autoComplete="off" className={`${field} font-mono`} placeholder="1250.5" />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="process-notes" className={labelStyle}>
                Notes
              </label>
              <textarea id="process-notes" name="notes" rows={2} className={field} />
            </div>
            {error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                {error}
              </p>
            )}
            <button type="submit" className={`${primaryButtonStyle} self-start`} disabled={pending}>
              {pending ? "Recording…" : "Record count"}
            </button>
          </form>
        )}
        <button type="button" className={`${buttonStyle} self-end`} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
