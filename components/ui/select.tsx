import Link from "next/link";

import { humanize } from "@/lib/format";

import { Button, buttonClass } from "./button";

export const labelStyle = "text-xs font-medium text-stone-600 dark:text-stone-400";
export const field =
  "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

type SelectProps = {
  /** Defaults to filter-<name>; a page with two forms choosing the same name gives each its own. */
  id?: string;
  name: string;
  label: string;
  options: readonly string[];
  value?: string;
  all?: string | null;
  labels?: Record<string, string>;
};

/** A field with its label above it; the label names it for screen readers, tests and API errors. */
function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      {children}
    </div>
  );
}

export function Select({ id, name, label, options, value, all = "Any", labels }: SelectProps) {
  return (
    <Labelled id={id ?? `filter-${name}`} label={label}>
      <select id={id ?? `filter-${name}`} name={name} defaultValue={value ?? ""} className={field}>
        {all !== null && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? humanize(o)}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

type TextFieldProps = { id?: string; name: string; label: string } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "id" | "name"
>;

/** A labelled text input in the look of Select; its id defaults to filter-<name> likewise. */
export function TextField({ id, name, label, className = "", ...props }: TextFieldProps) {
  return (
    <Labelled id={id ?? `filter-${name}`} label={label}>
      <input id={id ?? `filter-${name}`} name={name} className={`${field} ${className}`} {...props} />
    </Labelled>
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
