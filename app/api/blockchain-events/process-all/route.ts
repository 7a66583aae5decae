// POST /api/blockchain-events/process-all — apply every failed or pending event again now
import { processAllEvents } from "@/lib/endpoints/events";
import { handle, reply } from "@/lib/endpoints/handle";
import { processFailed } from "@/lib/events/replay";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const POST = handle(processAllEvents, async () => {
  const { db, key } = getListener();
  return reply(await processFailed(db, key, { force: true }));
});
