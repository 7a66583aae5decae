// Who an audit record names, from whoever called.
import type { Actor } from "./record";

/** A caller as lib/auth/caller.ts's `Caller` has it, by shape only: the audit log sits below auth. */
export type CallerLike =
  | { kind: "anonymous" | "chainlink" | "cron" }
  | { kind: "user"; user: { id: number } }
  | { kind: "api_key"; keyId: number };

export function actorOf(caller: CallerLike): Actor {
  if (caller.kind === "user") return { kind: "user", id: String(caller.user.id) };
  if (caller.kind === "api_key") return { kind: "api_key", id: String(caller.keyId) };
  if (caller.kind === "chainlink") return { kind: "oracle" };
  return { kind: "system", id: caller.kind };
}
