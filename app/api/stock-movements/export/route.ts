// "GET /api/stock-movements/export" — every movement the filters match, as CSV
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { exportMovements } from "@/lib/endpoints/stock";
import { movementsCsv } from "@/lib/stock/export";

export const dynamic = "force-dynamic";

export const GET = handle(exportMovements, async ({ query, scope }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(movementsCsv(getDb(), scope, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="stock-movements-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
