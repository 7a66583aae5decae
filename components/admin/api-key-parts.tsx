"use client";

// The pieces of the API key list that need a word or a second step: the new key with how to send
// it and a copy button, and revoking with a confirmation.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { toneStyles } from "@/components/ui/tones";

export function NewKey({ value }: { value: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div role="status" className={`flex flex-col gap-1 rounded-md border p-2 text-sm ${toneStyles.amber.box}`}>
      <p>
        Copy this key now; it is not shown again:{" "}
        <code data-testid="new-api-key" className="break-all">
          {value}
        </code>{" "}
        <Button size="sm" onClick={copy}>
          Copy key
        </Button>{" "}
        <span aria-live="polite" className="text-xs">
          {copied === true ? "Copied." : copied === false ? "Could not copy: select the key and copy it by hand." : ""}
        </span>
      </p>
      <p className="text-xs" data-testid="api-key-header">
        Send it with each request in the header <code>Authorization: Bearer {"<key>"}</code> (or{" "}
        <code>X-API-Key: {"<key>"}</code>).
      </p>
    </div>
  );
}

export function RevokeKey({ name, onRevoke }: { name: string; onRevoke: () => Promise<unknown> }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (!isConfirming)
    return (
      <Button variant="ghost" size="sm" className={toneStyles.red.text} onClick={() => setIsConfirming(true)}>
        Revoke {name}
      </Button>
    );
  return (
    <span role="group" aria-label={`Confirm revoking ${name}`} className="flex flex-wrap items-center gap-1 text-xs">
      Revoke {name}? Calls with it are refused at once.
      <Button
        variant="danger"
        size="sm"
        isPending={pending}
        onClick={async () => (setPending(true), await onRevoke(), setPending(false), setIsConfirming(false))}
      >
        {pending ? "Revoking…" : "Yes, revoke"}
      </Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => setIsConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
