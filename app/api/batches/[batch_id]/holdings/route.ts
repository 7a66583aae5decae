// "GET /api/batches/[batch_id]/holdings" — who holds how much of the batch, per warehouse
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import { listBatchHoldings } from "@/lib/stock/ledger";

export const dynamic = "force-dynamic";

export const GET = handle(stock.batchHoldings, async ({ params }) =>
  reply({ data: await listBatchHoldings(getDb(), params.batch_id) }),
);
