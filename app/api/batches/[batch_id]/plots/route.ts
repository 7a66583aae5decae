// "GET /api/batches/[batch_id]/plots" — the plots a batch came from; "PUT" — replace that list
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { plots } from "@/lib/endpoints/plots";
import * as batchPlots from "@/lib/eudr/batch-plots";

export const dynamic = "force-dynamic";

export const GET = handle(plots.getBatchPlots, async ({ params, scope }) =>
  reply(await batchPlots.getBatchPlots(getDb(), scope, params.batch_id)),
);

export const PUT = handle(plots.setBatchPlots, async ({ params, body, caller, scope }) => {
  const who = { actor: actorOf(caller), userId: caller.kind === "user" ? caller.user.id : null };
  return reply(await batchPlots.setBatchPlots(getDb(), scope, params.batch_id, body, who));
});
