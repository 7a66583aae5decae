// POST /api/blockchain-events/process-all — apply every failed or pending event again now
import { events } from "@/lib/endpoints/events";
import { handle, reply } from "@/lib/endpoints/handle";
import { processFailed } from "@/lib/events/replay";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const POST = handle(events.processAllEvents, async () => {
  const { db, key } = getListener();
  return reply(await processFailed(db, key, { force: true }));
});
