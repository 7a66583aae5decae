"use client";

// Asks before an action, with a note to send along: what it is for is said in the title and description,
// the note's label and limits by the caller. Mounted while open, so each opening starts with no note.
import { useState } from "react";

import { Button, type ButtonVariant } from "./button";
import { Dialog } from "./dialog";
import { TextArea } from "./field";
import { Form } from "./form";

/** A note kept with what it resolves and in the audit log: 3 to 500 characters. */
export const auditedNote = { rows: 3, required: true, minLength: 3, maxLength: 500 } as const;

type Props = {
  title: React.ReactNode;
  description: React.ReactNode;
  /** The note's field: its id, label and limits (required, minLength, maxLength, rows). */
  note: { id: string; label: string } & Omit<
    React.TextareaHTMLAttributes<HTMLTextAreaElement>,
    "id" | "value" | "onChange"
  >;
  confirm: string;
  variant?: ButtonVariant;
  isPending?: boolean;
  /** The button stays disabled until a note is typed. */
  isNoteNeeded?: boolean;
  onConfirm: (note: string) => void;
  onClose: () => void;
};

export function NoteDialog({
  title,
  description,
  note: { id, label, rows = 2, ...limits },
  confirm,
  variant = "primary",
  isPending,
  isNoteNeeded = false,
  onConfirm,
  onClose,
}: Props) {
  const [note, setNote] = useState("");
  return (
    <Dialog open onOpenChange={(open) => open || onClose()} title={title} description={description}>
      <Form className="flex flex-col gap-3" onSubmit={() => onConfirm(note)}>
        <TextArea
          id={id}
          name="note"
          label={label}
          rows={rows}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...limits}
        />
        <Button
          type="submit"
          variant={variant}
          isPending={isPending}
          disabled={isNoteNeeded && !note.trim()}
          className="self-start"
        >
          {confirm}
        </Button>
      </Form>
    </Dialog>
  );
}
