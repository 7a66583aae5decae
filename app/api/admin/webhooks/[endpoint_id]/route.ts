// PATCH /api/admin/webhooks/{endpoint_id} — change an endpoint, pause, resume or enable it again
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { getSetting } from "@/lib/settings/settings";
import { updateEndpoint } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

export const PATCH = handle(webhooks.changeWebhookEndpoint, async ({ params: { endpoint_id }, body, caller }) => {
  const db = getDb();
  const allowPrivate = await getSetting(db, "webhooks_allow_private");
  return reply(await updateEndpoint(db, endpoint_id, body, { allowPrivate, actor: actorOf(caller) }));
});
