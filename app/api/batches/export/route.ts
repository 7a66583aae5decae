// GET /api/batches/export — every batch the filters match, as CSV, streamed
import { exportBatchesCsv } from "@/lib/batches/export";
import { getDb } from "@/lib/db/server";
import { exportBatches } from "@/lib/endpoints/batches";
import { handle } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(exportBatches, async ({ query, scope }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportBatchesCsv(getDb(), query, scope), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="batches-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
