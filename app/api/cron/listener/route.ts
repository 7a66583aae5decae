// GET /api/cron/listener — one listening round for serverless deployments (Vercel Cron), within 50 s
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { listenRound } from "@/lib/events/run";
import { getIndexer, getListener } from "@/lib/events/server";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = handle("GET /api/cron/listener", async () => {
  return NextResponse.json(await listenRound(getListener().db, getIndexer(), { budgetMs: 50_000 }));
});
