// POST /api/blockchain-events/{event_id}/process — apply one event again (its whole batch is replayed)
import { events } from "@/lib/endpoints/events";
import { handle, reply } from "@/lib/endpoints/handle";
import { processEvent } from "@/lib/events/replay";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const POST = handle(events.processEvent, async ({ params: { event_id } }) => {
  const { db, key } = getListener();
  return reply(await processEvent(db, key, event_id));
});
