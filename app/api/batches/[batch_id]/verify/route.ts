// POST /api/batches/{batch_id}/verify — a full verification: quantity, metadata, dates, quality, fraud
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { verifyBatch } from "@/lib/verification/verify";

export const dynamic = "force-dynamic";

export const POST = handle(verification.verify, async ({ params: { batch_id }, caller }) =>
  reply(await verifyBatch(getDb(), getChain(), batch_id, caller)),
);
