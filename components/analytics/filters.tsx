// The date range and filters: a GET form, so they live in the URL and each change is a history entry.
import Form from "next/form";
import Link from "next/link";
import type { AnalyticsFilters } from "@/lib/analytics/schemas";

const label = "text-xs font-medium text-stone-600 dark:text-stone-400";
const field = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

type Props = { values: Partial<AnalyticsFilters>; options: { origins: string[]; processes: readonly string[]; warehouses: string[] }; presets: { label: string; href: string; isActive: boolean }[] };

function Choice({ name, text, options, value }: { name: string; text: string; options: readonly string[]; value?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`analytics-${name}`} className={label}>
        {text}
      </label>
      <select id={`analytics-${name}`} name={name} defaultValue={value ?? ""} className={field}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AnalyticsFiltersForm({ values, options, presets }: Props) {
  return (
    <div className="flex flex-col gap-3">
      <nav aria-label="Date presets" className="flex flex-wrap gap-2 text-sm">
        {presets.map((p) => (
          <Link key={p.label} href={p.href} aria-current={p.isActive ? "page" : undefined} className="rounded-full border border-stone-300 px-3 py-0.5 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:border-stone-700 dark:aria-[current=page]:bg-stone-100 dark:aria-[current=page]:text-stone-900">
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
        <Choice name="origin" text="Origin" options={options.origins} value={values.origin} />
        <Choice name="process" text="Process" options={options.processes} value={values.process} />
        <Choice name="warehouse" text="Warehouse" options={options.warehouses} value={values.warehouse} />
        <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900">
          Apply
        </button>
        <Link href="/analytics" className="py-1.5 text-sm text-stone-600 underline dark:text-stone-300">
          Reset
        </Link>
      </Form>
    </div>
  );
}
