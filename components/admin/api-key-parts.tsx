"use client";
// The pieces of the API key list that need a word or a second step: the new key with how to send
// it and a copy button, and revoking with a confirmation.
import { useState } from "react";

const small = "rounded border border-stone-300 px-2 py-0.5 text-xs dark:border-stone-700";

export function NewKey({ value }: { value: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false));
  return (
    <div role="status" className="mb-3 flex flex-col gap-1 rounded bg-amber-50 p-2 text-sm dark:bg-amber-950">
      <p>
        Copy this key now; it is not shown again: <code data-testid="new-api-key" className="break-all">{value}</code>{" "}
        <button type="button" className={small} onClick={copy}>
          Copy key
        </button>{" "}
        <span aria-live="polite" className="text-xs">
          {copied === true ? "Copied." : copied === false ? "Could not copy: select the key and copy it by hand." : ""}
        </span>
      </p>
      <p className="text-xs" data-testid="api-key-header">
        Send it with each request in the header <code>Authorization: Bearer {"<key>"}</code> (or <code>X-API-Key: {"<key>"}</code>).
      </p>
    </div>
  );
}

export function RevokeKey({ name, onRevoke }: { name: string; onRevoke: () => Promise<unknown> }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (!isConfirming)
    return (
      <button type="button" onClick={() => setIsConfirming(true)} className="text-xs text-red-700 underline dark:text-red-300">
        Revoke {name}
      </button>
    );
  return (
    <span role="group" aria-label={`Confirm revoking ${name}`} className="flex flex-wrap items-center gap-1 text-xs">
      Revoke {name}? Calls with it are refused at once.
      <button type="button" className={`${small} text-red-700 dark:text-red-300`} disabled={pending} aria-busy={pending} onClick={async () => (setPending(true), await onRevoke(), setPending(false), setIsConfirming(false))}>
        {pending ? "Revoking…" : "Yes, revoke"}
      </button>
      <button type="button" className="underline" disabled={pending} onClick={() => setIsConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
