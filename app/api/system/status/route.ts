// GET /api/system/status — each component's state, since when, and its figures
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { ZNoQuery } from "@/lib/api/params";
import { getStatusDeps } from "@/lib/system/server";
import { getSystemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/system/status", async ({ searchParams }) => {
  ZNoQuery.parse(searchParams);
  return NextResponse.json(await getSystemStatus(getStatusDeps()));
});
