// "GET /api/returns/analytics/export" — one table of the returns analytics, as CSV
import { csvFile, todaysFilename } from "@/lib/api/csv-file";
import { csvRow } from "@/lib/csv";
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { analyticsRows, returnAnalytics } from "@/lib/returns/analytics";

export const dynamic = "force-dynamic";

export const GET = handle(returns.exportReturnAnalytics, async ({ query: { table }, scope }) => {
  const rows = analyticsRows(await returnAnalytics(getDb(), scope), table);
  return csvFile(rows.map(csvRow).join(""), todaysFilename(`returns-by-${table}`));
});
