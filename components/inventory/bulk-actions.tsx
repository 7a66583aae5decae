"use client";
// What the operator can do to every selected batch at once, with progress.
import { buttonStyle } from "@/components/batch-detail/section";
import { BulkProgress, useBulk, type BulkBatch, type Outcome } from "@/components/bulk";
import { postJson } from "@/components/verification/post-json";
import type { RowPermissions } from "./row-actions";

async function requestCount(batch: BulkBatch): Promise<Outcome> {
  const r = await postJson<{ id: number }>(`/api/batches/${batch.id}/request-verification`, {});
  return r.ok ? { batch, tone: "green", text: `Count requested (#${r.data.id})` } : { batch, tone: "red", text: r.message };
}

async function sync(batch: BulkBatch): Promise<Outcome> {
  const r = await postJson<{ updated: number; flagged: number; failed: number }>(`/api/batches/${batch.id}/sync`);
  if (!r.ok) return { batch, tone: "red", text: r.message };
  const { updated, flagged, failed } = r.data;
  if (failed) return { batch, tone: "red", text: "Sync failed" };
  if (flagged) return { batch, tone: "amber", text: "Synced, differences flagged" };
  return { batch, tone: "green", text: updated ? "Synced, row repaired" : "In sync" };
}

export function BulkActions({ selected, can }: { selected: BulkBatch[]; can: RowPermissions }) {
  const { run, isRunning, start } = useBulk();
  const none = selected.length === 0 || isRunning;
  const labels = `/api/labels?${new URLSearchParams({ ids: selected.map((b) => b.id).join(","), format: "pdf" })}`;
  return (
    <section aria-label="Bulk actions" className="flex flex-col gap-3 rounded-lg border border-stone-200 p-3 dark:border-stone-800">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm" data-testid="selected-count">
          {selected.length === 0 ? "Select rows to act on several batches at once." : `${selected.length} selected.`}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          {can.canRequest && (
            <button type="button" className={buttonStyle} disabled={none} onClick={() => start("Count requests", selected, requestCount)}>
              Request counts
            </button>
          )}
          {can.canSync && (
            <button type="button" className={buttonStyle} disabled={none} onClick={() => start("Sync", selected, sync)}>
              Sync selected
            </button>
          )}
          {selected.length > 0 ? (
            <a href={labels} className={buttonStyle} target="_blank" rel="noreferrer">
              Print labels
            </a>
          ) : (
            <span className={`${buttonStyle} opacity-50`} aria-disabled="true">
              Print labels
            </span>
          )}
        </div>
      </div>
      <BulkProgress run={run} isRunning={isRunning} />
    </section>
  );
}
