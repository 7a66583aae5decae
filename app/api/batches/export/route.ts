// GET /api/batches/export — every batch the filters match, as CSV, streamed
import { handle } from "@/lib/api/handler";
import { exportBatchesCsv } from "@/lib/batches/export";
import { ZBatchExportQuery } from "@/lib/batches/schemas";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/batches/export", async ({ searchParams, scope }) => {
  const query = ZBatchExportQuery.parse(searchParams);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportBatchesCsv(getDb(), query, scope), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="batches-${day}.csv"`, "cache-control": "no-store" },
  });
});
