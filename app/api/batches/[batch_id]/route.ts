// GET /api/batches/{batch_id} — one batch, with the chain's live view of it
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getBatch } from "@/lib/batches/get";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const GET = handle<{ batch_id: string }>("GET /api/batches/[batch_id]", async ({ params, scope }) => {
  const { batch_id } = idParams("batch_id").parse(params);
  return NextResponse.json(await getBatch(getDb(), getChain(), batch_id, scope));
});
