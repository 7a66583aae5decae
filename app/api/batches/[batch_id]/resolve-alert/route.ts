// POST /api/batches/{batch_id}/resolve-alert {"alert_id": 3, "note": "…"} — resolve an open alert with a note
import { NextResponse } from "next/server";
import { resolveAlert } from "@/lib/alerts/alerts";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { ZResolveAlert } from "@/lib/verification/schemas";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/resolve-alert", async ({ request, params, caller }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  const { alert_id, note } = ZResolveAlert.parse(await request.json().catch(() => null));
  const userId = caller.kind === "user" ? caller.user.id : null;
  return NextResponse.json(await resolveAlert(getDb(), batch_id, alert_id, note, userId, actorOf(caller)));
});
