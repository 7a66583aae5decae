// Who an audit record names, from whoever called.
import type { Caller } from "@/lib/auth/caller";
import type { Actor } from "./record";

export function actorOf(caller: Caller): Actor {
  if (caller.kind === "user") return { kind: "user", id: String(caller.user.id) };
  if (caller.kind === "api_key") return { kind: "api_key", id: String(caller.keyId) };
  if (caller.kind === "chainlink") return { kind: "oracle" };
  return { kind: "system", id: caller.kind };
}
