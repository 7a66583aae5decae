// GET /api/verification-requests — the verification queue, with filters, newest first
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { getDb } from "@/lib/db/server";
import { listRequests } from "@/lib/verification/requests";
import { ZRequestListQuery } from "@/lib/verification/schemas";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/verification-requests", async ({ searchParams, scope }) => {
  return NextResponse.json(await listRequests(getDb(), ZRequestListQuery.parse(searchParams), scope));
});
