import Link from "next/link";
import { humanize } from "@/lib/format";

export const labelStyle = "text-xs font-medium text-stone-600 dark:text-stone-400";
export const field = "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

type SelectProps = { name: string; label: string; options: readonly string[]; value?: string; all?: string | null; labels?: Record<string, string> };

export function Select({ name, label, options, value, all = "Any", labels }: SelectProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${name}`} className={labelStyle}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={field}>
        {all !== null && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? humanize(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET filter form's two buttons: apply, and back to the unfiltered page. */
export function FilterButtons({ resetHref }: { resetHref: string }) {
  return (
    <>
      <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900">
        Apply filters
      </button>
      <Link href={resetHref} className="px-2 py-1.5 text-sm text-stone-600 underline dark:text-stone-400">
        Reset
      </Link>
    </>
  );
}
