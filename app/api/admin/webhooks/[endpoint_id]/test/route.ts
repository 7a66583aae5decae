// POST /api/admin/webhooks/{endpoint_id}/test — send a webhook.test event to this endpoint now
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { sendTestEvent } from "@/lib/webhooks/deliveries";
import { getWebhookDeps } from "@/lib/webhooks/server";

export const dynamic = "force-dynamic";

export const POST = handle(webhooks.sendWebhookTest, async ({ params: { endpoint_id }, caller }) => {
  const { job, ...sent } = await sendTestEvent(getDb(), endpoint_id, actorOf(caller));
  await getWebhookDeps().enqueue([job]);
  return reply(sent, 202);
});
