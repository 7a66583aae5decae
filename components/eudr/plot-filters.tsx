// The plots list's filters: in the URL, applied as they change (a plain GET form without JavaScript).
import { FilterForm } from "@/components/ui/filter-form";
import { FilterButtons, SearchField, Select } from "@/components/ui/select";

export function PlotFilters({ values, countries }: { values: Record<string, string>; countries: string[] }) {
  return (
    <FilterForm action="/eudr" names={["q", "country", "has_problems"]} label="Filter plots">
      <SearchField value={values.q} placeholder="Reference, producer or region" />
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
