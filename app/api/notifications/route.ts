// GET /api/notifications — your notifications, newest first, one page at a time, with the unread count
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { notifications } from "@/lib/endpoints/notifications";
import { listNotifications } from "@/lib/notifications/inbox";
import { personId } from "@/lib/notifications/person";

export const dynamic = "force-dynamic";

export const GET = handle(notifications.listNotifications, async ({ query, caller }) =>
  reply(await listNotifications(getDb(), personId(caller), query)),
);
