// GET /api/cron/expiry — raises expired / expiring-soon alerts for minted batches (Vercel Cron)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { getDb } from "@/lib/db/server";
import { flagExpiry } from "@/lib/alerts/expiry";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = handle("GET /api/cron/expiry", async () => {
  return NextResponse.json(await flagExpiry(getDb()));
});
