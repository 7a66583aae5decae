// GET, PUT /api/notifications/subscription — which alerts reach you (minimum severity, email, inbox)
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { notifications } from "@/lib/endpoints/notifications";
import { personId } from "@/lib/notifications/person";
import { getSubscription, putSubscription } from "@/lib/notifications/subscriptions";

export const dynamic = "force-dynamic";

export const GET = handle(notifications.getNotificationSubscription, async ({ caller }) =>
  reply(await getSubscription(getDb(), personId(caller))),
);

export const PUT = handle(notifications.putNotificationSubscription, async ({ body, caller }) =>
  reply(await putSubscription(getDb(), personId(caller), body)),
);
