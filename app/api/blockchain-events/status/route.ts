// GET /api/blockchain-events/status — the listener's status (EventListenerStatus)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { getListener } from "@/lib/events/server";
import { getListenerStatus } from "@/lib/events/status";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/blockchain-events/status", async () => {
  const { db, client, key } = getListener();
  return NextResponse.json(await getListenerStatus(db, client, key));
});
