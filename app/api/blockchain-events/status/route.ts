// GET /api/blockchain-events/status — the listener's status (EventListenerStatus)
import { events } from "@/lib/endpoints/events";
import { handle, reply } from "@/lib/endpoints/handle";
import { getListener } from "@/lib/events/server";
import { getListenerStatus } from "@/lib/events/status";

export const dynamic = "force-dynamic";

export const GET = handle(events.listenerStatus, async () => {
  const { db, client, key } = getListener();
  return reply(await getListenerStatus(db, client, key));
});
