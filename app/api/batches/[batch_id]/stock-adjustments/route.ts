// "POST /api/batches/[batch_id]/stock-adjustments" — check an adjustment and answer the call to sign
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import * as prepare from "@/lib/stock/prepare";

export const dynamic = "force-dynamic";

export const POST = handle(stock.prepareAdjustment, async ({ params, body }) =>
  reply(await prepare.prepareAdjustment(getDb(), getChain(), params.batch_id, body)),
);
