// GET /api/batches/{batch_id}/audit-history — every change to the batch, oldest first, hash-chained
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { auditHistory } from "@/lib/audit/history";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]/audit-history", async ({ params }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json({ data: await auditHistory(getDb(), batch_id) });
});
