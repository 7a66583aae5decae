// PATCH /api/admin/users/{user_id} — change a user's role, active flag or organisation, or link a wallet
import { ApiError } from "@/lib/api/errors";
import { actorOf } from "@/lib/audit/actor";
import { updateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";
import { moveUser } from "@/lib/organisations/organisations";

export const PATCH = handle(admin.changeUser, async ({ params: { user_id }, body: change, caller }) => {
  if (caller.kind === "user" && caller.user.id === user_id && (change.role || change.is_active === false)) {
    throw new ApiError("rule_broken", "You cannot change your own role or deactivate yourself; ask another admin.");
  }
  const { organisation_id, ...rest } = change;
  // One transaction: a refused part (an organisation that does not exist) leaves the rest unchanged too.
  await getDb().transaction(async (tx) => {
    // The role first: a user becomes a viewer before it may join a producer or buyer organisation.
    if (Object.keys(rest).length) await updateUser(tx, user_id, rest, actorOf(caller));
    if (organisation_id) await moveUser(tx, user_id, organisation_id, actorOf(caller));
  });
  return reply({ id: user_id });
});
