// "GET /api/due-diligence/layers" — deforestation layers; "POST /api/due-diligence/layers" — upload one
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { createLayer, listLayers } from "@/lib/eudr/layers";

export const dynamic = "force-dynamic";

export const GET = handle(dueDiligence.listDeforestationLayers, async () =>
  reply({
    data: (await listLayers(getDb())).map((l) => ({
      id: l.id,
      name: l.name,
      feature_count: l.featureCount,
      plots_overlapping: l.plotsOverlapping,
      created_at: l.createdAt.toISOString(),
    })),
  }),
);

export const POST = handle(dueDiligence.uploadDeforestationLayer, async ({ body, caller }) => {
  const userId = caller.kind === "user" ? caller.user.id : null;
  return reply({ id: await createLayer(getDb(), body, actorOf(caller), userId) }, 201);
});
