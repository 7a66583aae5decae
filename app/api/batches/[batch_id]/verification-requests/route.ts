// GET /api/batches/{batch_id}/verification-requests — the batch's requests, newest first
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { listBatchRequests } from "@/lib/verification/requests";
import { ZRequestListQuery } from "@/lib/verification/schemas";

export const dynamic = "force-dynamic";

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]/verification-requests", async ({ params, searchParams }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json(await listBatchRequests(getDb(), batch_id, ZRequestListQuery.parse(searchParams)));
});
