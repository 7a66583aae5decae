// GET /api/batches/{batch_id} — one batch, with the chain's live view of it
import { NextResponse } from "next/server";
import { z } from "zod";
import { handle } from "@/lib/api/handler";
import { getBatch } from "@/lib/batches/get";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

const ZParams = z.object({ batch_id: z.string().regex(/^[1-9]\d{0,15}$/, "must be a batch id (a positive integer)").transform(Number) });

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]", async ({ params }) => {
  const { batch_id } = ZParams.parse(params);
  return NextResponse.json(await getBatch(getDb(), getChain(), batch_id));
});
