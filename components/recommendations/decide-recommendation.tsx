"use client";

// Accept and Dismiss on an open recommendation: accepting runs its action and toasts what it did (or
// opens the page that does it); dismissing asks why (3–500 characters). The page is read again after.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { auditedNote, NoteDialog } from "@/components/ui/note-dialog";
import { toast } from "@/components/ui/toast";
import { useToastedAction } from "@/components/use-toasted-action";
import { attempt } from "@/lib/endpoints/client";

/** What an accepted action did, in words. */
function outcome(result: Record<string, unknown>): string {
  if ("verification_request_id" in result) return `Verification request #${result.verification_request_id} created.`;
  if ("sync_id" in result) return `Sync #${result.sync_id} queued.`;
  if ("endpoint_id" in result) return `Webhook endpoint #${result.endpoint_id} is ${result.status}.`;
  return "Accepted.";
}

export function DecideRecommendation({ id, title }: { id: number; title: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isAccepting, setAccepting] = useState(false);
  const dismissal = useToastedAction();

  async function accept() {
    setAccepting(true);
    const r = await attempt("POST /api/recommendations/[recommendation_id]/accept", {
      params: { recommendation_id: id },
      body: {},
    });
    setAccepting(false);
    if (!r.ok) {
      toast.error(r.error.message);
      router.refresh();
      return;
    }
    const open = r.data.result.open;
    toast.success(`${title}: ${typeof open === "string" ? "opening the page to do it." : outcome(r.data.result)}`);
    if (typeof open === "string") router.push(open);
    else router.refresh();
  }

  async function dismiss(reason: string) {
    const request = () =>
      attempt("POST /api/recommendations/[recommendation_id]/dismiss", {
        params: { recommendation_id: id },
        body: { reason },
      });
    if (await dismissal.run(request, `Dismissed: ${title}.`)) setIsOpen(false);
  }

  return (
    <div className="flex gap-2">
      <Button variant="primary" size="sm" isPending={isAccepting} onClick={() => void accept()}>
        Accept
      </Button>
      <Button variant="secondary" size="sm" onClick={() => setIsOpen(true)}>
        Dismiss…
      </Button>
      {isOpen && (
        <NoteDialog
          title={`Dismiss “${title}”?`}
          description="Say why the action is not wanted; the reason is kept with it and in the audit log."
          note={{
            id: `dismiss-reason-${id}`,
            label: "Reason (3–500 characters)",
            ...auditedNote,
          }}
          confirm="Dismiss recommendation"
          isPending={dismissal.running !== null}
          onConfirm={(reason) => void dismiss(reason)}
          onClose={() => setIsOpen(false)}
        />
      )}
    </div>
  );
}
