// GET /api/stock-movements/export — every movement the filters match, as CSV
import { csvFile, todaysFilename } from "@/lib/api/csv-file";
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import { movementsCsv } from "@/lib/stock/export";

export const dynamic = "force-dynamic";

export const GET = handle(stock.exportMovements, async ({ query, scope }) =>
  csvFile(movementsCsv(getDb(), scope, query), todaysFilename("stock-movements")),
);
