// GET, POST /api/admin/webhooks — list webhook endpoints; register one (its secret is shown in this response only)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { getSetting } from "@/lib/settings/settings";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/endpoints";
import { webhookSecretKey } from "@/lib/webhooks/server";

export const dynamic = "force-dynamic";

export const GET = handle(webhooks.listWebhookEndpoints, async () => reply({ data: await listEndpoints(getDb()) }));

export const POST = handle(webhooks.createWebhookEndpoint, async ({ body, caller }) => {
  const db = getDb();
  const allowPrivate = await getSetting(db, "webhooks_allow_private");
  const by = caller.kind === "user" ? caller.user.id : null;
  return reply(await createEndpoint(db, webhookSecretKey(), body, { allowPrivate, by, actor: actorOf(caller) }), 201);
});
