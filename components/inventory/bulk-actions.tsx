"use client";

// What the operator can do to every selected batch at once, with progress.
import { BulkProgress, useBulk, type BulkBatch } from "@/components/bulk";
import { Button, buttonClass } from "@/components/ui/button";
import { frameClass } from "@/components/ui/card";
import { useHydrated } from "@/components/use-hydrated";

import { requestCount, sync } from "./batch-calls";
import type { RowPermissions } from "./row-actions";

type Props = { selected: BulkBatch[]; isWholePage: boolean; pageSize: number; total?: number; can: RowPermissions };

/** What the selection covers, in words: the checkbox in the heading selects this page only. */
function describeSelection(selected: number, isWholePage: boolean, pageSize: number, total?: number) {
  if (selected === 0) return "Select rows to act on several batches at once.";
  if (!isWholePage || total === undefined || total <= pageSize) return `${selected} selected.`;
  return `${selected} selected. All ${pageSize} on this page are selected, not all ${total.toLocaleString("en-US")} matching: to act on those, page through or export them.`;
}

export function BulkActions({ selected, isWholePage, pageSize, total, can }: Props) {
  const { run, isRunning, start } = useBulk();
  const isReady = useHydrated();
  const none = !isReady || selected.length === 0 || isRunning;
  const labels = `/api/labels?${new URLSearchParams({ ids: selected.map((b) => b.id).join(","), format: "pdf" })}`;
  return (
    <section aria-label="Bulk actions" className={`flex flex-col gap-3 ${frameClass} p-3`}>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm" data-testid="selected-count">
          {describeSelection(selected.length, isWholePage, pageSize, total)}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          {can.canRequest && (
            <Button disabled={none} onClick={() => start("Count requests", selected, requestCount)}>
              Request counts
            </Button>
          )}
          {can.canSync && (
            <Button disabled={none} onClick={() => start("Sync", selected, sync)}>
              Sync selected
            </Button>
          )}
          {selected.length > 0 ? (
            <a href={labels} className={buttonClass()} target="_blank" rel="noreferrer">
              Print labels
            </a>
          ) : (
            <span className={buttonClass()} aria-disabled="true">
              Print labels
            </span>
          )}
        </div>
      </div>
      <BulkProgress run={run} isRunning={isRunning} />
    </section>
  );
}
