// DELETE /api/admin/users/{user_id}/lockout — lift a sign-in lockout
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { actorOf } from "@/lib/audit/actor";
import { liftUserLockout } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";

export const DELETE = handle<{ user_id: string }>("DELETE /api/admin/users/[user_id]/lockout", async ({ params, caller }) => {
  const { user_id } = idParams("user_id").parse(params);
  return NextResponse.json(await liftUserLockout(getDb(), user_id, actorOf(caller)));
});
