"use client";

// The outcome of every action, success or failure, as a toast: one helper, one look, read out by screen readers.
import { useEffect, useRef } from "react";
import { Toaster as Sonner, toast as sonner } from "sonner";

import type { Tone } from "./tones";

/** Mounted once, in the root layout; follows the system's light or dark scheme. */
export function Toaster() {
  return <Sonner theme="system" position="bottom-right" richColors closeButton toastOptions={{ duration: 6000 }} />;
}

export const toast = {
  success: (message: string) => sonner.success(<span role="status">{message}</span>),
  warning: (message: string) => sonner.warning(<span role="status">{message}</span>, { duration: 12_000 }),
  error: (message: string) => sonner.error(<span role="alert">{message}</span>, { duration: 12_000 }),
  /** An outcome already in a tone: green succeeded, amber needs a look, red or gray failed. */
  byTone: (tone: Tone, message: string) =>
    tone === "green" || tone === "blue"
      ? toast.success(message)
      : tone === "amber" || tone === "orange"
        ? toast.warning(message)
        : toast.error(message),
};

/** Shows an action's error message as a toast each time one arrives. */
export function useErrorToast(error: string | null | undefined) {
  useEffect(() => {
    if (error) toast.error(error);
  }, [error]);
}

type Outcome = { pending: boolean; error: string | null; success?: string; isErrorInline?: boolean };

/** Toasts an action's outcome when it finishes: its error (unless a form shows it by its field), or the success message. */
export function useOutcomeToast({ pending, error, success, isErrorInline = false }: Outcome) {
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) {
      if (error) {
        if (!isErrorInline) toast.error(error);
      } else if (success) toast.success(success);
    }
    wasPending.current = pending;
  }, [pending, error, success, isErrorInline]);
}
