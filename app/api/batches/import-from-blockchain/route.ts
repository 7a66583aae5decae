// POST /api/batches/import-from-blockchain — create or refresh a batch from the chain by its token id
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { actorOf } from "@/lib/audit/actor";
import { importBatch } from "@/lib/batches/import";
import { ZImportRequest } from "@/lib/batches/schemas";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";

export const dynamic = "force-dynamic";

export const POST = handle("POST /api/batches/import-from-blockchain", async ({ request, searchParams, caller }) => {
  // The seed passes the id as a query parameter; a JSON body works too.
  const body = request.headers.get("content-type")?.includes("application/json") ? await request.json().catch(() => null) : searchParams;
  const { blockchain_batch_id } = ZImportRequest.parse(body ?? {});
  const result = await importBatch(getDb(), getChain(), blockchain_batch_id, actorOf(caller));
  return NextResponse.json(
    { batch_id: result.batchId, import_log_id: result.importLogId, action: result.isNew ? "created" : "refreshed" },
    { status: result.isNew ? 201 : 200 },
  );
});
