// POST /api/batches/{batch_id}/verify-batch — the same full verification as /verify (seed 000 names both)
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { verifyBatch } from "@/lib/verification/verify";

export const dynamic = "force-dynamic";

export const POST = handle(verification.verifyBatch, async ({ params: { batch_id }, caller }) =>
  reply(await verifyBatch(getDb(), getChain(), batch_id, caller)),
);
