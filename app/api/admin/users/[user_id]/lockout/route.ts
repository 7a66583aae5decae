// DELETE /api/admin/users/{user_id}/lockout — lift a sign-in lockout
import { actorOf } from "@/lib/audit/actor";
import { liftUserLockout } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";

export const DELETE = handle(admin.liftLockout, async ({ params: { user_id }, caller }) =>
  reply(await liftUserLockout(getDb(), user_id, actorOf(caller))),
);
