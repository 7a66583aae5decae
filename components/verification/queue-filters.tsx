// The queue's filters as a plain GET form, so every view is a shareable URL.
import { field, FilterButtons, labelStyle, Select } from "@/components/ui/select";
import { verificationRequestStatuses } from "@/lib/db/enums";

export function QueueFilters({ status, batchCode }: { status?: string; batchCode?: string }) {
  return (
    <form
      method="get"
      action="/verification"
      role="search"
      aria-label="Filter verification requests"
      className="flex flex-wrap items-end gap-3"
    >
      <Select name="status" label="Status" options={verificationRequestStatuses} value={status} />
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-batch_code" className={labelStyle}>
          Batch code
        </label>
        <input
          id="filter-batch_code"
          name="batch_code"
          defaultValue={batchCode}
          placeholder="e.g. KEN-NYE-2025-0003"
          autoComplete="off"
          className={`${field} w-52 font-mono`}
        />
      </div>
      <FilterButtons resetHref="/verification" />
    </form>
  );
}
