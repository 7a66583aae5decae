"use client";

// Records the count for one pending request in a modal dialog, then shows the decision it got.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { messageInFormWords } from "@/components/field-errors";
import { ValueBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { invalidBy, TextArea, TextField } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { attempt } from "@/lib/endpoints/client";
import type { RequestJson } from "@/lib/verification/requests";

/** Mounted (with the request's id as key) for one request at a time; it is open while mounted. */
export function ProcessDialog({ request, onClose }: { request: RequestJson; onClose: () => void }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [decision, setDecision] = useState<RequestJson | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const element = e.currentTarget;
    const form = new FormData(element);
    const notes = String(form.get("notes") ?? "").trim();
    setPending(true);
    setError(null);
    const result = await attempt("POST /api/verification-requests/[request_id]/process", {
      params: { request_id: request.id },
      body: { actual_quantity: String(form.get("actual_quantity") ?? "").trim(), ...(notes ? { notes } : {}) },
    });
    setPending(false);
    if (result.ok) return setDecision(result.data);
    setError(
      result.error.status === 409
        ? `This request was already processed by someone else. ${result.error.message}`
        : messageInFormWords(element, result.error.message, result.error.details),
    );
  }

  // Escape and the Close button both end here; the queue is refreshed to show the decision.
  const closed = () => {
    router.refresh();
    onClose();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => open || closed()}
      title={`Process request #${request.id} for ${request.batch_code}`}
    >
      {decision ? (
        <div aria-live="polite" className="flex flex-col gap-2 text-sm">
          <p>
            Decision: <ValueBadge value={decision.status}>{decision.status}</ValueBadge>
          </p>
          <p data-testid="decision-reason">{decision.decision_reason}</p>
          {decision.discrepancy_kg !== null && (
            <p className="text-stone-500">
              Discrepancy {decision.discrepancy_kg} kg ({decision.discrepancy_pct}%), tolerance {decision.tolerance_pct}
              %.
            </p>
          )}
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-3">
          <TextField
            id="actual-quantity"
            name="actual_quantity"
            label="Counted quantity (kg)"
            inputMode="decimal"
            autoComplete="off"
            className="font-mono"
            placeholder="1250.5"
            {...invalidBy("process-error", error)}
          />
          <TextArea id="process-notes" name="notes" label="Notes" rows={2} />
          <FieldError id="process-error" message={error} />
          <Button type="submit" variant="primary" className="self-start" isPending={pending}>
            {pending ? "Recording…" : "Record count"}
          </Button>
        </form>
      )}
    </Dialog>
  );
}
