// GET /api/batches/{batch_id}/alerts — the batch's alerts, open and resolved, newest first
import { NextResponse } from "next/server";
import { listAlerts } from "@/lib/alerts/alerts";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]/alerts", async ({ params }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json({ data: await listAlerts(getDb(), batch_id) });
});
