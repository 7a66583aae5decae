// The date range and filters: a GET form, so they live in the URL and each change is a history entry.
import Form from "next/form";

import { field, labelStyle as label } from "@/components/ui/field";
import { FilterButtons, Select } from "@/components/ui/select";
import { ViewTabs } from "@/components/ui/view-tabs";
import type { AnalyticsFilters } from "@/lib/analytics/schemas";

type Props = {
  values: Partial<AnalyticsFilters>;
  options: { origins: string[]; processes: readonly string[]; warehouses: string[] };
  presets: { label: string; href: string; isActive: boolean }[];
};

export function AnalyticsFiltersForm({ values, options, presets }: Props) {
  return (
    <div className="flex flex-col gap-3">
      <ViewTabs
        label="Date presets"
        views={presets.map((p) => ({ label: p.label, href: p.href, isCurrent: p.isActive }))}
      />
      <Form action="/analytics" role="search" aria-label="Filter analytics" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="analytics-from" className={label}>
            From
          </label>
          <input id="analytics-from" type="date" name="from" defaultValue={values.from} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="analytics-to" className={label}>
            To
          </label>
          <input id="analytics-to" type="date" name="to" defaultValue={values.to} className={field} />
        </div>
        <Select name="origin" label="Origin" options={options.origins} value={values.origin} />
        <Select name="process" label="Process" options={options.processes} value={values.process} />
        <Select name="warehouse" label="Warehouse" options={options.warehouses} value={values.warehouse} />
        <FilterButtons resetHref="/analytics" />
      </Form>
    </div>
  );
}
