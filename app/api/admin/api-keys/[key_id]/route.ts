// DELETE /api/admin/api-keys/{key_id} — revoke a key
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { actorOf } from "@/lib/audit/actor";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";

export const DELETE = handle<{ key_id: string }>("DELETE /api/admin/api-keys/[key_id]", async ({ params, caller }) => {
  const { key_id } = idParams("key_id").parse(params);
  if (!(await revokeApiKey(getDb(), key_id, actorOf(caller)))) throw new ApiError("not_found", `API key ${key_id} does not exist or is already revoked.`);
  return NextResponse.json({ id: key_id, revoked: true });
});
