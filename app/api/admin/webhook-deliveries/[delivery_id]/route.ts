// GET /api/admin/webhook-deliveries/{delivery_id} — one delivery with every attempt's request and answer
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { getDelivery } from "@/lib/webhooks/deliveries";

export const dynamic = "force-dynamic";

export const GET = handle(webhooks.getWebhookDelivery, async ({ params: { delivery_id } }) =>
  reply(await getDelivery(getDb(), delivery_id)),
);
