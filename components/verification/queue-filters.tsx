// The queue's filters, in the URL so every view is a shareable one; applied as they change.
import { FilterForm } from "@/components/ui/filter-form";
import { field, FilterButtons, labelStyle, Select } from "@/components/ui/select";
import { verificationRequestStatuses } from "@/lib/db/enums";

export function QueueFilters({ status, batchCode }: { status?: string; batchCode?: string }) {
  return (
    <FilterForm
      action="/verification"
      names={["status", "batch_code"]}
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
    </FilterForm>
  );
}
