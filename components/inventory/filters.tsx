import { FilterButtons, Select, TextField } from "@/components/ui/select";
import { expiryWindows, sortColumns } from "@/lib/batches/schemas";
import {
  batchStatuses,
  processes,
  qualityGrades,
  riskLevels,
  syncStatuses,
  verificationStatuses,
} from "@/lib/db/enums";

const expiryLabels = { expired: "Past expiry", "30": "Within 30 days", "60": "Within 60 days", "90": "Within 90 days" };

type Props = { values: Record<string, string>; origins: string[]; warehouses: string[] };

/** A plain GET form: the filters live in the URL, and it works without JavaScript. */
export function InventoryFilters({ values, origins, warehouses }: Props) {
  return (
    <form
      method="get"
      action="/inventory"
      role="search"
      aria-label="Filter batches"
      className="flex flex-wrap items-end gap-3"
    >
      <TextField
        type="search"
        name="q"
        label="Search"
        defaultValue={values.q}
        placeholder="Code, origin, region, farm or cooperative"
        className="w-64"
      />
      <Select name="status" label="Status" options={batchStatuses} value={values.status} />
      <Select
        name="verification_status"
        label="Verification"
        options={verificationStatuses}
        value={values.verification_status}
      />
      <Select name="sync_status" label="Sync" options={syncStatuses} value={values.sync_status} />
      <Select name="origin_country" label="Origin" options={origins} value={values.origin_country} />
      <Select name="process" label="Process" options={processes} value={values.process} />
      <Select name="warehouse" label="Warehouse" options={warehouses} value={values.warehouse} />
      <Select
        name="expiry_window"
        label="Expiry"
        options={expiryWindows}
        value={values.expiry_window}
        labels={expiryLabels}
      />
      <Select name="quality_grade" label="Quality grade" options={qualityGrades} value={values.quality_grade} />
      <Select name="risk_level" label="Fraud risk" options={riskLevels} value={values.risk_level} />
      <Select name="sort" label="Sort by" options={sortColumns} value={values.sort ?? "id"} all={null} />
      <Select name="order" label="Order" options={["desc", "asc"]} value={values.order ?? "desc"} all={null} />
      <FilterButtons resetHref="/inventory" />
    </form>
  );
}
