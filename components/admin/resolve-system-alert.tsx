"use client";

// "Resolve…" on an open system alert: a dialog asking how it was resolved (3–500 characters), then a
// toast with the outcome and the page read again.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { auditedNote, NoteDialog } from "@/components/ui/note-dialog";
import { useToastedAction } from "@/components/use-toasted-action";
import { attempt } from "@/lib/endpoints/client";
import { humanize } from "@/lib/format";

export function ResolveSystemAlert({ id, type }: { id: number; type: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const { running, run } = useToastedAction();

  async function resolve(note: string) {
    const request = () =>
      attempt("POST /api/system/alerts/[system_alert_id]/resolve", { params: { system_alert_id: id }, body: { note } });
    if (await run(request, `System alert #${id} resolved.`)) setIsOpen(false);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        Resolve…
      </Button>
      {isOpen && (
        <NoteDialog
          title={`Resolve system alert #${id}?`}
          description={`Say how the ${humanize(type)} alert was dealt with; the note is kept with it and in the audit log.`}
          note={{
            id: `resolution-note-${id}`,
            label: "Note (3–500 characters)",
            ...auditedNote,
          }}
          confirm="Resolve alert"
          isPending={running !== null}
          onConfirm={(note) => void resolve(note)}
          onClose={() => setIsOpen(false)}
        />
      )}
    </>
  );
}
