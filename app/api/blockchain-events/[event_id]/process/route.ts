// POST /api/blockchain-events/{event_id}/process — apply one event again (its whole batch is replayed)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { processEvent } from "@/lib/events/replay";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const POST = handle<{ event_id: string }>("POST /api/blockchain-events/[event_id]/process", async ({ params }) => {
  const { event_id } = idParams("event_id").parse(params);
  const { db, key } = getListener();
  return NextResponse.json(await processEvent(db, key, event_id));
});
