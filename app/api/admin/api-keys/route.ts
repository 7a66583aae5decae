// GET, POST /api/admin/api-keys — list keys; create one (the key is shown in this response only)
import { actorOf } from "@/lib/audit/actor";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";

export const GET = handle(admin.listApiKeys, async () => reply({ data: await listApiKeys(getDb()) }));

export const POST = handle(admin.createApiKey, async ({ body, caller }) => {
  const key = await createApiKey(
    getDb(),
    { ...body, createdBy: caller.kind === "user" ? caller.user.id : null },
    actorOf(caller),
  );
  return reply(key, 201);
});
