// POST /api/batches/{batch_id}/resolve-alert {"alert_id": 3, "note": "…"} — resolve an open alert with a note;
// without `alert_id` (seed 000's empty body), every open alert of the batch
import { resolveAlert, resolveOpenAlerts } from "@/lib/alerts/alerts";
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";

export const dynamic = "force-dynamic";

export const POST = handle(
  verification.resolveAlert,
  async ({ params: { batch_id }, body: { alert_id, note }, caller }) => {
    const userId = caller.kind === "user" ? caller.user.id : null;
    if (alert_id === undefined)
      return reply({ data: await resolveOpenAlerts(getDb(), batch_id, note, userId, actorOf(caller)) });
    return reply(await resolveAlert(getDb(), batch_id, alert_id, note, userId, actorOf(caller)));
  },
);
