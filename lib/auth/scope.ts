// Who sees which batches. The operating company's staff (and API keys, which only admins make) see
// every batch; a member of a producer or buyer organisation sees its organisation's; a pending
// wallet sees none. lib/batches/scope.ts turns a Scope into the where-clause every read applies.
import type { SessionUser } from "./users";

export type Scope = { kind: "all" } | { kind: "organisation"; organisationId: number } | { kind: "none" };

export const everything: Scope = { kind: "all" };

/** A user with no organisation recorded was made by an admin or a script, never by a stranger: staff. */
export function scopeOfUser(user: Pick<SessionUser, "isPending" | "organisationId" | "organisationKind">): Scope {
  if (user.isPending) return { kind: "none" };
  if (user.organisationId === null || user.organisationKind === "operator") return everything;
  return { kind: "organisation", organisationId: user.organisationId };
}

/** Whether the user belongs to a producer or buyer organisation (not the operating company's staff). */
export const isMember = (user: Pick<SessionUser, "isPending" | "organisationId" | "organisationKind">) =>
  scopeOfUser(user).kind === "organisation";
