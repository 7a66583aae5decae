// The date range and filters: a GET form, so they live in the URL and each change is a history entry.
import Form from "next/form";
import Link from "next/link";

import { field, FilterButtons, labelStyle as label, Select } from "@/components/ui/select";
import type { AnalyticsFilters } from "@/lib/analytics/schemas";

type Props = {
  values: Partial<AnalyticsFilters>;
  options: { origins: string[]; processes: readonly string[]; warehouses: string[] };
  presets: { label: string; href: string; isActive: boolean }[];
};

export function AnalyticsFiltersForm({ values, options, presets }: Props) {
  return (
    <div className="flex flex-col gap-3">
      <nav aria-label="Date presets" className="flex flex-wrap gap-2 text-sm">
        {presets.map((p) => (
          <Link
            key={p.label}
            href={p.href}
            aria-current={p.isActive ? "page" : undefined}
            className="rounded-full border border-stone-300 px-3 py-0.5 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:border-stone-700 dark:aria-[current=page]:bg-stone-100 dark:aria-[current=page]:text-stone-900"
          >
            {p.label}
          </Link>
        ))}
      </nav>
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
