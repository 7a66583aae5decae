// The queue's filters as a plain GET form, so every view is a shareable URL.
import { field, labelStyle, Select, FilterButtons } from "@/components/ui/select";
import { requestStatuses } from "@/lib/verification/schemas";

export function QueueFilters({ status, batchId }: { status?: string; batchId?: string }) {
  return (
    <form method="get" action="/verification" role="search" aria-label="Filter verification requests" className="flex flex-wrap items-end gap-3">
      <Select name="status" label="Status" options={requestStatuses} value={status} />
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-batch_id" className={labelStyle}>
          Batch id
        </label>
        <input id="filter-batch_id" name="batch_id" inputMode="numeric" defaultValue={batchId} className={`${field} w-28 font-mono`} />
      </div>
      <FilterButtons resetHref="/verification" />
    </form>
  );
}
