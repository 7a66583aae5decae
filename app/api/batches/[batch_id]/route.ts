// GET /api/batches/{batch_id} — one batch, with the chain's live view of it
import { getBatch } from "@/lib/batches/get";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { batches } from "@/lib/endpoints/batches";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(batches.getBatch, async ({ params: { batch_id }, scope }) =>
  reply(await getBatch(getDb(), getChain(), batch_id, scope)),
);
