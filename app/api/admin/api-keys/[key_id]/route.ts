// DELETE /api/admin/api-keys/{key_id} — revoke a key
import { ApiError } from "@/lib/api/errors";
import { actorOf } from "@/lib/audit/actor";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";

export const DELETE = handle(admin.revokeApiKey, async ({ params: { key_id }, caller }) => {
  if (!(await revokeApiKey(getDb(), key_id, actorOf(caller))))
    throw new ApiError("not_found", `API key ${key_id} does not exist or is already revoked.`);
  return reply({ id: key_id, revoked: true });
});
