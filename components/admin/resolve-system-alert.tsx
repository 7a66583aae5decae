"use client";

// "Resolve…" on an open system alert: a dialog asking how it was resolved (3–500 characters), then a
// toast with the outcome and the page read again.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { field, labelStyle } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { humanize } from "@/lib/format";

export function ResolveSystemAlert({ id, type }: { id: number; type: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [note, setNote] = useState("");
  const [isPending, setIsPending] = useState(false);

  async function resolve() {
    setIsPending(true);
    const r = await attempt("POST /api/system/alerts/[system_alert_id]/resolve", {
      params: { system_alert_id: id },
      body: { note },
    });
    setIsPending(false);
    if (r.ok) {
      setIsOpen(false);
      toast.success(`System alert #${id} resolved.`);
    } else toast.error(r.error.message);
    router.refresh();
  }

  return (
    <>
      <Button variant="secondary" onClick={() => (setNote(""), setIsOpen(true))}>
        Resolve…
      </Button>
      {isOpen && (
        <Dialog
          open
          onOpenChange={setIsOpen}
          title={`Resolve system alert #${id}?`}
          description={`Say how the ${humanize(type)} alert was dealt with; the note is kept with it and in the audit log.`}
        >
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void resolve();
            }}
          >
            <label htmlFor={`resolution-note-${id}`} className={labelStyle}>
              Note (3–500 characters)
            </label>
            <textarea
              id={`resolution-note-${id}`}
              rows={3}
              required
              minLength={3}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className={field}
            />
            <Button type="submit" variant="primary" isPending={isPending} className="self-start">
              Resolve alert
            </Button>
          </form>
        </Dialog>
      )}
    </>
  );
}
