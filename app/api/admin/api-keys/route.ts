// GET, POST /api/admin/api-keys — list keys; create one (the key is shown in this response only)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { actorOf } from "@/lib/audit/actor";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { ZNewApiKey } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db/server";

export const GET = handle("GET /api/admin/api-keys", async () => NextResponse.json({ data: await listApiKeys(getDb()) }));

export const POST = handle("POST /api/admin/api-keys", async ({ request, caller }) => {
  const input = ZNewApiKey.parse(await request.json().catch(() => null));
  const key = await createApiKey(getDb(), { ...input, createdBy: caller.kind === "user" ? caller.user.id : null }, actorOf(caller));
  return NextResponse.json(key, { status: 201 });
});
