// The returns queue's filters: in the URL, applied as they change (a plain GET form without JavaScript).
import { FilterForm } from "@/components/ui/filter-form";
import { FilterButtons, Select } from "@/components/ui/select";
import { returnReasons, returnStatuses } from "@/lib/db/enums";

import { reasonLabels } from "./words";

export function ReturnFilters({ values, exportHref }: { values: Record<string, string>; exportHref: string }) {
  return (
    <FilterForm action="/returns" names={["status", "reason"]} label="Filter returns">
      <Select name="status" label="Status" options={returnStatuses} value={values.status} />
      <Select name="reason" label="Reason" options={returnReasons} labels={reasonLabels} value={values.reason} />
      <FilterButtons resetHref="/returns" />
      <a href={exportHref} className="ml-auto py-1.5 text-sm underline" download>
        Download CSV
      </a>
    </FilterForm>
  );
}
