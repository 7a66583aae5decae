// GET /api/batches/{batch_id}/quality-checks — a batch's quality checks, newest first, with their files
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { listQualityChecks } from "@/lib/quality/checks";

export const dynamic = "force-dynamic";

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]/quality-checks", async ({ params }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json({ data: await listQualityChecks(getDb(), batch_id) });
});
