// The person an inbox call is for: the notification endpoints admit signed-in people only (no API key).
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth/caller";

export function personId(caller: Caller): number {
  if (caller.kind !== "user") throw new ApiError("forbidden", "Notifications belong to a person signed in.");
  return caller.user.id;
}
