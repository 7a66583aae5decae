// POST /api/batches/{batch_id}/verify — a full verification: quantity, metadata, dates, quality, fraud
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { verifyBatch } from "@/lib/verification/verify";

export const dynamic = "force-dynamic";

export const POST = handle<{ batch_id: string }>("POST /api/batches/[batch_id]/verify", async ({ params, caller }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json(await verifyBatch(getDb(), getChain(), batch_id, caller));
});
