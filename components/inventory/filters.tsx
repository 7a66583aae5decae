import { FilterForm } from "@/components/ui/filter-form";
import { FilterButtons, SearchField, Select } from "@/components/ui/select";
import { batchFilterValues, expiryWindows, sortColumns } from "@/lib/batches/schemas";

const expiryLabels = { expired: "Past expiry", "30": "Within 30 days", "60": "Within 60 days", "90": "Within 90 days" };

type Props = { values: Record<string, string>; origins: string[]; warehouses: string[] };
type Filter = { name: string; label: string; options: readonly string[]; labels?: Record<string, string> };

/** The filter selects in the order the form shows them; fixed values come from the list query's own. */
const filtersOf = ({ origins, warehouses }: Omit<Props, "values">): Filter[] => [
  { name: "status", label: "Status", options: batchFilterValues.status },
  { name: "verification_status", label: "Verification", options: batchFilterValues.verification_status },
  { name: "sync_status", label: "Sync", options: batchFilterValues.sync_status },
  { name: "origin_country", label: "Origin", options: origins },
  { name: "process", label: "Process", options: batchFilterValues.process },
  { name: "warehouse", label: "Warehouse", options: warehouses },
  { name: "expiry_window", label: "Expiry", options: expiryWindows, labels: expiryLabels },
  { name: "quality_grade", label: "Quality grade", options: batchFilterValues.quality_grade },
  { name: "risk_level", label: "Fraud risk", options: batchFilterValues.risk_level },
  // plots
  { name: "eudr_ready", label: "EUDR-ready", options: ["yes", "no"] },
];

/** The filters live in the URL; they apply as they change, and as a plain GET form without JavaScript. */
export function InventoryFilters({ values, origins, warehouses }: Props) {
  return (
    <FilterForm
      action="/inventory"
      names={["q", ...filtersOf({ origins, warehouses }).map((f) => f.name), "sort", "order"]}
      label="Filter batches"
    >
      <SearchField value={values.q} placeholder="Code, origin, region, farm or cooperative" />
      {filtersOf({ origins, warehouses }).map((f) => (
        <Select key={f.name} {...f} value={values[f.name]} />
      ))}
      <Select name="sort" label="Sort by" options={sortColumns} value={values.sort ?? "id"} all={null} />
      <Select name="order" label="Order" options={["desc", "asc"]} value={values.order ?? "desc"} all={null} />
      <FilterButtons resetHref="/inventory" />
    </FilterForm>
  );
}
