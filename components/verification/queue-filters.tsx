// The queue's filters, in the URL so every view is a shareable one; applied as they change.
import { TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterButtons, Select } from "@/components/ui/select";
import { verificationRequestStatuses } from "@/lib/db/enums";

export function QueueFilters({ status, batchCode }: { status?: string; batchCode?: string }) {
  return (
    <FilterForm action="/verification" names={["status", "batch_code"]} label="Filter verification requests">
      <Select name="status" label="Status" options={verificationRequestStatuses} value={status} />
      <TextField
        name="batch_code"
        label="Batch code"
        defaultValue={batchCode}
        placeholder="e.g. KEN-NYE-2025-0003"
        autoComplete="off"
        className="w-52 font-mono"
      />
      <FilterButtons resetHref="/verification" />
    </FilterForm>
  );
}
