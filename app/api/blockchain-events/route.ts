// GET /api/blockchain-events — stored events with filters (status, name, batch, block range), newest first
import { events } from "@/lib/endpoints/events";
import { handle, reply } from "@/lib/endpoints/handle";
import { listEvents } from "@/lib/events/list";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const GET = handle(events.listEvents, async ({ query, scope }) => {
  const { db, key } = getListener();
  return reply(await listEvents(db, key, query, scope));
});
