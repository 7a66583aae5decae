import Link from "next/link";

import { humanize } from "@/lib/format";

import { Button, buttonClass } from "./button";
import { field, Field, invalidBy, TextField } from "./field";

type SelectProps = {
  /** Defaults to filter-<name>; a page with two forms choosing the same name gives each its own. */
  id?: string;
  name?: string;
  label: string;
  options: readonly string[];
  value?: string;
  /** Given, the select is controlled: it shows `value` and reports each choice here. */
  onChange?: (value: string) => void;
  all?: string | null;
  labels?: Record<string, string>;
  error?: string | null;
  className?: string;
};

/** A labelled choice among `options`, each shown by its label (or its value in words); `all` first, for no choice. */
export function Select({
  id,
  name,
  label,
  options,
  value,
  onChange,
  all = "Any",
  labels,
  error,
  className,
}: SelectProps) {
  const selectId = id ?? `filter-${name}`;
  const state = onChange
    ? { value: value ?? "", onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange(e.target.value) }
    : { defaultValue: value ?? "" };
  return (
    <Field id={selectId} label={label} error={error}>
      <select
        id={selectId}
        name={name}
        className={`${field} ${className ?? ""}`.trim()}
        {...state}
        {...invalidBy(`${selectId}-error`, error)}
      >
        {all !== null && <option value="">{all}</option>}
        <Options items={options.map((o) => ({ value: o, label: labels?.[o] ?? humanize(o) }))} />
      </select>
    </Field>
  );
}

type Option = { value: string | number; label: React.ReactNode };

/** A select's options, each a value and what it is called. */
export function Options({ items }: { items: readonly Option[] }) {
  return items.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** An organisation (a buyer is one) as an option: its name and kind. */
export const namedOption = (o: { id: number; name: string; kind: string }): Option => ({
  value: o.id,
  label: `${o.name} (${o.kind})`,
});

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

/** A GET filter form's free-text search, named q. */
export function SearchField({ value, placeholder }: { value?: string; placeholder: string }) {
  return (
    <TextField type="search" name="q" label="Search" defaultValue={value} placeholder={placeholder} className="w-64" />
  );
}
