"use client";
// A button that makes one API call, toasts its outcome (the API's message if it fails), and refreshes the page if not.
import { Button } from "@/components/ui/button";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";

type Props = { label: string; pendingLabel: string; doneMessage: string; url: string; body?: unknown };

export function ActionButton({ label, pendingLabel, doneMessage, url, body }: Props) {
  const { call, error, pending } = useApiCall();
  const isReady = useHydrated();
  useOutcomeToast({ pending, error, success: doneMessage });
  return (
    <Button isPending={!isReady || pending} onClick={() => call("POST", url, body)}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
