"use client";

// A signing secret, shown once after registering or rotating, with how a receiver verifies it.
import { toneStyles } from "@/components/ui/tones";

export function SecretShown({ secret, note }: { secret: string; note?: string }) {
  return (
    <div role="status" className={`flex flex-col gap-1 rounded-md border p-2 text-sm ${toneStyles.amber.box}`}>
      <p>
        Copy this signing secret now; it is not shown again:{" "}
        <code data-testid="webhook-secret" className="break-all">
          {secret}
        </code>
      </p>
      <p className="text-xs">
        Verify each request with it, e.g. <code>new Webhook(secret).verify(body, headers)</code> from the{" "}
        <code>standardwebhooks</code> package.{note ? ` ${note}` : ""}
      </p>
    </div>
  );
}
