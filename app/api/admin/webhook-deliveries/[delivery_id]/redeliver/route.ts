// POST /api/admin/webhook-deliveries/{delivery_id}/redeliver — send a finished delivery again
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { redeliver } from "@/lib/webhooks/deliveries";
import { getWebhookDeps } from "@/lib/webhooks/server";

export const dynamic = "force-dynamic";

export const POST = handle(webhooks.redeliverWebhook, async ({ params: { delivery_id }, caller }) => {
  const { id, job } = await redeliver(getDb(), delivery_id, actorOf(caller));
  await getWebhookDeps().enqueue([job]);
  return reply({ id, status: "pending" as const }, 202);
});
