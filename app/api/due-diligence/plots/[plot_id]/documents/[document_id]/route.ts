// "GET /api/due-diligence/plots/[plot_id]/documents/[document_id]" — a plot's legality document
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle } from "@/lib/endpoints/handle";
import { assertPlotInScope, getPlotDocument } from "@/lib/eudr/declarations";
import { fileResponse } from "@/lib/storage/response";

export const dynamic = "force-dynamic";

export const GET = handle(dueDiligence.plotDocument, async ({ params, scope }) => {
  const db = getDb();
  await assertPlotInScope(db, scope, params.plot_id);
  return fileResponse(await getPlotDocument(db, params.plot_id, params.document_id));
});
