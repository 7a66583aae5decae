// PATCH /api/admin/users/{user_id} — change a user's role, active flag or organisation, or link a wallet
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { actorOf } from "@/lib/audit/actor";
import { ZUserChange } from "@/lib/auth/schemas";
import { updateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { moveUser } from "@/lib/organisations/organisations";

export const PATCH = handle<{ user_id: string }>("PATCH /api/admin/users/[user_id]", async ({ request, params, caller }) => {
  const { user_id } = idParams("user_id").parse(params);
  const change = ZUserChange.parse(await request.json().catch(() => null));
  if (caller.kind === "user" && caller.user.id === user_id && (change.role || change.is_active === false)) {
    throw new ApiError("rule_broken", "You cannot change your own role or deactivate yourself; ask another admin.");
  }
  const { organisation_id, ...rest } = change;
  // The role first: a user becomes a viewer before it may join a producer or buyer organisation.
  if (Object.keys(rest).length) await updateUser(getDb(), user_id, rest, actorOf(caller));
  if (organisation_id) await moveUser(getDb(), user_id, organisation_id, actorOf(caller));
  return NextResponse.json({ id: user_id });
});
