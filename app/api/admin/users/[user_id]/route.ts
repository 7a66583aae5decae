// PATCH /api/admin/users/{user_id} — change a user's role or active flag, or link a wallet
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { actorOf } from "@/lib/audit/actor";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { ZUserChange } from "@/lib/auth/schemas";
import { updateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";

export const PATCH = handle<{ user_id: string }>("PATCH /api/admin/users/[user_id]", async ({ request, params, caller }) => {
  const { user_id } = idParams("user_id").parse(params);
  const change = ZUserChange.parse(await request.json().catch(() => null));
  if (caller.kind === "user" && caller.user.id === user_id && (change.role || change.is_active === false)) {
    throw new ApiError("rule_broken", "You cannot change your own role or deactivate yourself; ask another admin.");
  }
  await updateUser(getDb(), user_id, change, actorOf(caller));
  return NextResponse.json({ id: user_id });
});
