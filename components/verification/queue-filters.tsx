// The queue's filters as a plain GET form, so every view is a shareable URL.
import Link from "next/link";
import { primaryButtonStyle } from "@/components/batch-detail/section";
import { field, labelStyle, Select } from "@/components/ui/select";
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
      <button type="submit" className={primaryButtonStyle}>
        Apply filters
      </button>
      <Link href="/verification" className="px-2 py-1.5 text-sm text-stone-600 underline dark:text-stone-400">
        Reset
      </Link>
    </form>
  );
}
