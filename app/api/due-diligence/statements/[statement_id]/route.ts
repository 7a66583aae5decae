// "GET /api/due-diligence/statements/[statement_id]" — the statement as a JSON file in the EU system's format
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle } from "@/lib/endpoints/handle";
import { getStatement } from "@/lib/eudr/statements";
import { contentDisposition } from "@/lib/storage/uploads";

export const dynamic = "force-dynamic";

export const GET = handle(dueDiligence.downloadStatement, async ({ params, scope }) => {
  const statement = await getStatement(getDb(), scope, params.statement_id);
  return new Response(`${JSON.stringify(statement.document, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": contentDisposition(`${statement.document.statement.internalReferenceNumber}.json`),
      "cache-control": "private, no-store",
    },
  });
});
