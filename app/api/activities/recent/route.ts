// GET /api/activities/recent — what happened lately, newest first, across the system
import { NextResponse } from "next/server";
import { ZRecentActivityQuery } from "@/lib/activities/schemas";
import { listRecentActivities } from "@/lib/activities/recent";
import { handle } from "@/lib/api/handler";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/activities/recent", async ({ searchParams, scope }) => {
  return NextResponse.json(await listRecentActivities(getDb(), ZRecentActivityQuery.parse(searchParams), scope));
});
