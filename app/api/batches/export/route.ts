// GET /api/batches/export — every batch the filters match, as CSV, streamed
import { csvFile, todaysFilename } from "@/lib/api/csv-file";
import { exportBatchesCsv } from "@/lib/batches/export";
import { getDb } from "@/lib/db/server";
import { batches } from "@/lib/endpoints/batches";
import { handle } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(batches.exportBatches, async ({ query, scope }) =>
  csvFile(exportBatchesCsv(getDb(), query, scope), todaysFilename("batches")),
);
