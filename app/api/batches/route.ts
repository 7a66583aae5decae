// GET /api/batches — list batches with filters, sort and cursor paging
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { listBatches } from "@/lib/batches/list";
import { ZBatchListQuery } from "@/lib/batches/schemas";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/batches", async ({ searchParams, scope }) => {
  const query = ZBatchListQuery.parse(searchParams);
  return NextResponse.json(await listBatches(getDb(), query, scope));
});
