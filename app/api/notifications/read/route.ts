// POST /api/notifications/read {"ids": [1, 2]} | {"all": true} — mark your notifications read
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { notifications } from "@/lib/endpoints/notifications";
import { markRead } from "@/lib/notifications/inbox";
import { personId } from "@/lib/notifications/person";

export const dynamic = "force-dynamic";

export const POST = handle(notifications.markNotificationsRead, async ({ body, caller }) =>
  reply(await markRead(getDb(), personId(caller), body)),
);
