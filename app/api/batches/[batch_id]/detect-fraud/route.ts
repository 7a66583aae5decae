// POST /api/batches/{batch_id}/detect-fraud — scores the batch's fraud risk, stores it, alerts when high
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { assessFraud } from "@/lib/fraud/assess";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/detect-fraud", async ({ params, caller }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  const userId = caller.kind === "user" ? caller.user.id : null;
  return NextResponse.json(await assessFraud(getDb(), batch_id, actorOf(caller), userId), { status: 201 });
});
