// "GET /api/batches/[batch_id]/due-diligence" — the batch's EUDR risk, its plots' evidence and its statements
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { batchDueDiligenceJson } from "@/lib/eudr/json";
import { getBatchRow } from "@/lib/eudr/subjects";

export const dynamic = "force-dynamic";

export const GET = handle(dueDiligence.batchDueDiligence, async ({ params, scope }) => {
  const db = getDb();
  await getBatchRow(db, scope, params.batch_id);
  return reply(await batchDueDiligenceJson(db, scope, params.batch_id));
});
