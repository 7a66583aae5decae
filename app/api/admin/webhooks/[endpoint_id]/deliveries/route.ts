// GET /api/admin/webhooks/{endpoint_id}/deliveries — an endpoint's delivery log, newest first
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { listDeliveries } from "@/lib/webhooks/deliveries";

export const dynamic = "force-dynamic";

export const GET = handle(webhooks.listWebhookDeliveries, async ({ params: { endpoint_id }, query }) =>
  reply(await listDeliveries(getDb(), endpoint_id, query)),
);
