// "POST /api/plots/upload" — many plots from a GeoJSON or CSV file, with a report per row
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { plots } from "@/lib/endpoints/plots";
import * as upload from "@/lib/eudr/upload";

export const dynamic = "force-dynamic";

export const POST = handle(plots.uploadPlots, async ({ body, caller, scope }) => {
  const who = { actor: actorOf(caller), userId: caller.kind === "user" ? caller.user.id : null };
  return reply(await upload.uploadPlots(getDb(), scope, body, who));
});
