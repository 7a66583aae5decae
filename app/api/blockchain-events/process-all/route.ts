// POST /api/blockchain-events/process-all — apply every failed or pending event again now
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { processFailed } from "@/lib/events/replay";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const POST = handle("POST /api/blockchain-events/process-all", async () => {
  const { db, key } = getListener();
  return NextResponse.json(await processFailed(db, key, { force: true }));
});
