"use client";
// A button that makes one API call, shows the API's message if it fails, and refreshes the page if not.
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";
import { buttonStyle } from "./section";

export function ActionButton({ label, pendingLabel, url, body }: { label: string; pendingLabel: string; url: string; body?: unknown }) {
  const { call, error, pending } = useApiCall();
  const isReady = useHydrated();
  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" className={buttonStyle} disabled={!isReady || pending} aria-busy={!isReady || pending} onClick={() => call("POST", url, body)}>
        {pending ? pendingLabel : label}
      </button>
      {error && (
        <p role="alert" className="max-w-sm text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
