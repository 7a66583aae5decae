// POST /api/batches/{batch_id}/verify-batch — the same full verification as /verify (seed 000 names both)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { verifyBatch } from "@/lib/verification/verify";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/verify-batch", async ({ params, caller }) =>
  NextResponse.json(await verifyBatch(getDb(), getChain(), idParams("batch_id").parse(params).batch_id, caller)),
);
