"use client";

// Files a draft statement with the EU information system; its refusal is shown in place.
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useApiCall } from "@/components/use-api-call";

export function SubmitStatement({ statementId }: { statementId: number }) {
  const { call, error, pending } = useApiCall();
  return (
    <span className="flex flex-col gap-1">
      <Button
        size="sm"
        variant="primary"
        isPending={pending}
        onClick={() =>
          void call("POST /api/due-diligence/statements/[statement_id]/submit", {
            params: { statement_id: statementId },
          })
        }
      >
        {pending ? "Submitting…" : "Submit to the EU system"}
      </Button>
      {error && <Notice>{error}</Notice>}
    </span>
  );
}
