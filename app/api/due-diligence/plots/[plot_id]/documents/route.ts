// "POST /api/due-diligence/plots/[plot_id]/documents" — legality documents for a plot (multipart)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { addDocuments, assertPlotInScope } from "@/lib/eudr/declarations";
import { readUploadForm } from "@/lib/storage/form";

export const dynamic = "force-dynamic";

export const POST = handle(dueDiligence.addPlotDocuments, async ({ request, params, caller, scope }) => {
  const db = getDb();
  await assertPlotInScope(db, scope, params.plot_id);
  const { files } = await readUploadForm(request, dueDiligence.addPlotDocuments.form.field);
  const userId = caller.kind === "user" ? caller.user.id : null;
  return reply({ ids: await addDocuments(db, params.plot_id, files, actorOf(caller), userId) }, 201);
});
