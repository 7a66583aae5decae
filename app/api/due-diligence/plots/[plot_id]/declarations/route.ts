// "POST /api/due-diligence/plots/[plot_id]/declarations" — a producer's declaration for a plot
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { addDeclaration, assertPlotInScope } from "@/lib/eudr/declarations";

export const dynamic = "force-dynamic";

export const POST = handle(dueDiligence.addPlotDeclaration, async ({ params, body, caller, scope }) => {
  const db = getDb();
  await assertPlotInScope(db, scope, params.plot_id);
  const userId = caller.kind === "user" ? caller.user.id : null;
  return reply({ id: await addDeclaration(db, params.plot_id, body, actorOf(caller), userId) }, 201);
});
