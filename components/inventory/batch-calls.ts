// A count request and a sync for one batch, each answered in words: the bulk actions and each
// row's own buttons say the same thing.
import type { BulkBatch, Outcome } from "@/components/bulk";
import { attempt } from "@/lib/endpoints/client";

export async function requestCount(batch: BulkBatch): Promise<Outcome> {
  const r = await attempt("POST /api/batches/[batch_id]/request-verification", {
    params: { batch_id: batch.id },
    body: {},
  });
  return r.ok
    ? { batch, tone: "green", text: `Count requested (#${r.data.id})` }
    : { batch, tone: "red", text: r.error.message };
}

export async function sync(batch: BulkBatch): Promise<Outcome> {
  const r = await attempt("POST /api/batches/[batch_id]/sync", { params: { batch_id: batch.id } });
  if (!r.ok) return { batch, tone: "red", text: r.error.message };
  const { updated, flagged, failed } = r.data;
  if (failed) return { batch, tone: "red", text: "Sync failed" };
  if (flagged) return { batch, tone: "amber", text: "Synced, differences flagged" };
  return { batch, tone: "green", text: updated ? "Synced, row repaired" : "In sync" };
}
