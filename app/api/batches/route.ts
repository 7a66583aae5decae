// GET /api/batches — list batches with filters, sort and cursor paging
import { listBatches } from "@/lib/batches/list";
import { getDb } from "@/lib/db/server";
import { batches } from "@/lib/endpoints/batches";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(batches.listBatches, async ({ query, scope }) =>
  reply(await listBatches(getDb(), query, scope)),
);
