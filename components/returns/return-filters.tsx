// The returns queue's filters: a plain GET form, so they live in the URL and work without JavaScript.
import { FilterButtons, Select } from "@/components/ui/select";
import { returnReasons, returnStatuses } from "@/lib/db/enums";

import { reasonLabels } from "./words";

export function ReturnFilters({ values, exportHref }: { values: Record<string, string>; exportHref: string }) {
  return (
    <form
      method="get"
      action="/returns"
      role="search"
      aria-label="Filter returns"
      className="flex flex-wrap items-end gap-3"
    >
      <Select name="status" label="Status" options={returnStatuses} value={values.status} />
      <Select name="reason" label="Reason" options={returnReasons} labels={reasonLabels} value={values.reason} />
      <FilterButtons resetHref="/returns" />
      <a href={exportHref} className="ml-auto py-1.5 text-sm underline" download>
        Download CSV
      </a>
    </form>
  );
}
