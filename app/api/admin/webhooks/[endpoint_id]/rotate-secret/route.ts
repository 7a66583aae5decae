// POST /api/admin/webhooks/{endpoint_id}/rotate-secret — a new secret; the old one still signs for 24 hours
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { rotateSecret } from "@/lib/webhooks/endpoints";
import { webhookSecretKey } from "@/lib/webhooks/server";

export const dynamic = "force-dynamic";

export const POST = handle(webhooks.rotateWebhookSecret, async ({ params: { endpoint_id }, caller }) =>
  reply(await rotateSecret(getDb(), webhookSecretKey(), endpoint_id, actorOf(caller))),
);
