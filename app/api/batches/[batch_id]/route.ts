// GET /api/batches/{batch_id} — one batch, with the chain's live view of it
import { NextResponse } from "next/server";
import { z } from "zod";
import { handle } from "@/lib/api/handler";
import { getBatch } from "@/lib/batches/get";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

const ZBatchId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const GET = handle<{ batch_id: string }>(async ({ params }) => {
  const id = ZBatchId.parse(params.batch_id);
  return NextResponse.json(await getBatch(getDb(), getChain(), id));
});
