// A count request and a sync for one batch, each answered in words: the bulk actions and each
// row's own buttons say the same thing.
import type { BulkBatch, Outcome } from "@/components/bulk";
import { postJson } from "@/components/verification/post-json";

export async function requestCount(batch: BulkBatch): Promise<Outcome> {
  const r = await postJson<{ id: number }>(`/api/batches/${batch.id}/request-verification`, {});
  return r.ok ? { batch, tone: "green", text: `Count requested (#${r.data.id})` } : { batch, tone: "red", text: r.message };
}

export async function sync(batch: BulkBatch): Promise<Outcome> {
  const r = await postJson<{ updated: number; flagged: number; failed: number }>(`/api/batches/${batch.id}/sync`);
  if (!r.ok) return { batch, tone: "red", text: r.message };
  const { updated, flagged, failed } = r.data;
  if (failed) return { batch, tone: "red", text: "Sync failed" };
  if (flagged) return { batch, tone: "amber", text: "Synced, differences flagged" };
  return { batch, tone: "green", text: updated ? "Synced, row repaired" : "In sync" };
}

