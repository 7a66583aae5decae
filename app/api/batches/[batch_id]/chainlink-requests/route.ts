// GET /api/batches/{batch_id}/chainlink-requests — the batch's Chainlink checks, newest first
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { listChecks } from "@/lib/chainlink/list";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]/chainlink-requests", async ({ params }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json({ data: await listChecks(getDb(), batch_id) });
});
