// "GET /api/returns/export" — every return the filters match, as CSV
import { csvFile, todaysFilename } from "@/lib/api/csv-file";
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { returnsCsv } from "@/lib/returns/export";

export const dynamic = "force-dynamic";

export const GET = handle(returns.exportReturns, async ({ query, scope }) =>
  csvFile(returnsCsv(getDb(), scope, query), todaysFilename("returns")),
);
