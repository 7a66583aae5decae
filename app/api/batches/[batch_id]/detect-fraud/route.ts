// POST /api/batches/{batch_id}/detect-fraud — scores the batch's fraud risk, stores it, alerts when high
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { assessFraud } from "@/lib/fraud/assess";

export const dynamic = "force-dynamic";

export const POST = handle(verification.detectFraud, async ({ params: { batch_id }, caller }) => {
  const userId = caller.kind === "user" ? caller.user.id : null;
  return reply(await assessFraud(getDb(), batch_id, actorOf(caller), userId), 201);
});
