// "GET /api/plots" — plots in the caller's scope; "POST /api/plots" — file a plot
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { plots as endpoints } from "@/lib/endpoints/plots";
import * as plots from "@/lib/eudr/plots";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.listPlots, async ({ query, scope }) =>
  reply(await plots.listPlots(getDb(), scope, query)),
);

export const POST = handle(endpoints.createPlot, async ({ body, caller, scope }) => {
  const db = getDb();
  const who = { actor: actorOf(caller), userId: caller.kind === "user" ? caller.user.id : null };
  const id = await plots.createPlot(db, scope, body, who);
  return reply(await plots.getPlot(db, scope, id), 201);
});
