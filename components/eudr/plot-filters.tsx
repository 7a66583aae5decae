// The plots list's filters: in the URL, applied as they change (a plain GET form without JavaScript).
import { FilterForm } from "@/components/ui/filter-form";
import { FilterButtons, Select, TextField } from "@/components/ui/select";

export function PlotFilters({ values, countries }: { values: Record<string, string>; countries: string[] }) {
  return (
    <FilterForm
      action="/eudr"
      names={["q", "country", "has_problems"]}
      role="search"
      aria-label="Filter plots"
      className="flex flex-wrap items-end gap-3"
    >
      <TextField
        type="search"
        name="q"
        label="Search"
        defaultValue={values.q}
        placeholder="Reference, producer or region"
        className="w-64"
      />
      <Select name="country" label="Country" options={countries} value={values.country} />
      <Select
        name="has_problems"
        label="Problems"
        options={["yes", "no"]}
        labels={{ yes: "Has problems", no: "Valid" }}
        value={values.has_problems}
      />
      <FilterButtons resetHref="/eudr" />
    </FilterForm>
  );
}
