// What a sync run found for a batch, kept per field under the run, the batch and its token.
import type { Tx } from "@/lib/db";
import { batches, syncResults } from "@/lib/db/schema";

type Result = Omit<typeof syncResults.$inferInsert, "syncId" | "batchId" | "tokenId">;

export async function recordResults(
  tx: Tx,
  syncId: number,
  row: Pick<typeof batches.$inferSelect, "id" | "tokenId">,
  results: Result[],
) {
  await tx.insert(syncResults).values(results.map((r) => ({ syncId, batchId: row.id, tokenId: row.tokenId, ...r })));
}
