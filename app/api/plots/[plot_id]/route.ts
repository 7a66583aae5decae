// "GET /api/plots/[plot_id]" — a plot with its batches and edit history; "PATCH" — edit it
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { plots as endpoints } from "@/lib/endpoints/plots";
import * as plots from "@/lib/eudr/plots";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.getPlot, async ({ params, scope }) =>
  reply(await plots.getPlot(getDb(), scope, params.plot_id)),
);

export const PATCH = handle(endpoints.editPlot, async ({ params, body, caller, scope }) => {
  const db = getDb();
  const who = { actor: actorOf(caller), userId: caller.kind === "user" ? caller.user.id : null };
  await plots.editPlot(db, scope, params.plot_id, body, who);
  return reply(await plots.getPlot(db, scope, params.plot_id));
});
