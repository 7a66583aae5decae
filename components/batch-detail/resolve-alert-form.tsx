"use client";

// Resolves one open alert; the note saying how is required, by the API as much as here.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";

export function ResolveAlertForm({
  batchId,
  alertId,
  onResolved,
}: {
  batchId: number;
  alertId: number;
  onResolved?: () => void;
}) {
  const { call, error, pending } = useApiCall();
  const [note, setNote] = useState("");
  const isReady = useHydrated();
  // A refused note stays beside its field; the toast says the alert was resolved.
  useOutcomeToast({ pending, error, success: "Alert resolved.", isErrorInline: true });
  const errorId = `resolve-${alertId}-error`;
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (
      await call(
        "POST /api/batches/[batch_id]/resolve-alert",
        { params: { batch_id: batchId }, body: { alert_id: alertId, note } },
        e.currentTarget,
      )
    ) {
      setNote("");
      onResolved?.();
    }
  };
  return (
    <form onSubmit={submit} aria-label={`Resolve alert ${alertId}`} className="flex flex-col gap-1">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-1 flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
          Resolution note
          <input
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            maxLength={2000}
            className={`${field} min-w-64`}
            placeholder="How was it resolved?"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </label>
        <Button type="submit" isPending={!isReady || pending}>
          {pending ? "Resolving…" : "Resolve"}
        </Button>
      </div>
      <FieldError id={errorId} message={error} />
    </form>
  );
}
