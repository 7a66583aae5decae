import Link from "next/link";

import { humanize } from "@/lib/format";

import { Button, buttonClass } from "./button";

export const labelStyle = "text-xs font-medium text-stone-600 dark:text-stone-400";
export const field =
  "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

type SelectProps = {
  name: string;
  label: string;
  options: readonly string[];
  value?: string;
  all?: string | null;
  labels?: Record<string, string>;
};

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
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      <Link href={resetHref} className={`${buttonClass({ variant: "ghost" })} underline`}>
        Reset
      </Link>
    </>
  );
}
