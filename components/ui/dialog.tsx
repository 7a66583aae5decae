"use client";

// Modal dialogs on Radix: focus is trapped inside, Escape closes, and the title names the dialog.
import * as AlertPrimitive from "@radix-ui/react-alert-dialog";
import * as DialogPrimitive from "@radix-ui/react-dialog";

import { buttonClass } from "./button";

const overlay = "fixed inset-0 z-40 bg-black/40";
const content =
  "fixed left-1/2 top-1/2 z-50 flex max-h-[90vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-lg border border-stone-200 bg-white p-5 text-stone-900 shadow-lg dark:border-stone-800 dark:bg-stone-900 dark:text-stone-100";
const titleClass = "text-lg font-semibold";

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
};

/** A dialog with a Close button at its foot; closing by Escape, overlay or button all call onOpenChange(false). */
export function Dialog({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlay} />
        <DialogPrimitive.Content className={content} {...(description ? {} : { "aria-describedby": undefined })}>
          <DialogPrimitive.Title className={titleClass}>{title}</DialogPrimitive.Title>
          {description ? (
            <DialogPrimitive.Description className="text-sm text-stone-600 dark:text-stone-400">
              {description}
            </DialogPrimitive.Description>
          ) : null}
          {children}
          <DialogPrimitive.Close className={`${buttonClass()} self-end`}>Close</DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

type ConfirmProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  variant?: "primary" | "danger";
};

/** Asks before an action that cannot be undone; the action runs only on confirm. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "primary",
}: ConfirmProps) {
  return (
    <AlertPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <AlertPrimitive.Portal>
        <AlertPrimitive.Overlay className={overlay} />
        <AlertPrimitive.Content className={content}>
          <AlertPrimitive.Title className={titleClass}>{title}</AlertPrimitive.Title>
          <AlertPrimitive.Description className="text-sm">{description}</AlertPrimitive.Description>
          <div className="flex justify-end gap-2">
            <AlertPrimitive.Cancel className={buttonClass({ variant: "ghost" })}>Cancel</AlertPrimitive.Cancel>
            <AlertPrimitive.Action className={buttonClass({ variant })} onClick={onConfirm}>
              {confirmLabel}
            </AlertPrimitive.Action>
          </div>
        </AlertPrimitive.Content>
      </AlertPrimitive.Portal>
    </AlertPrimitive.Root>
  );
}
