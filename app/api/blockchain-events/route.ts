// GET /api/blockchain-events — stored events with filters (status, name, batch, block range), newest first
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { listEvents } from "@/lib/events/list";
import { ZEventListQuery } from "@/lib/events/schemas";
import { getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/blockchain-events", async ({ searchParams, scope }) => {
  const { db, key } = getListener();
  return NextResponse.json(await listEvents(db, key, ZEventListQuery.parse(searchParams), scope));
});
