import { batchStatuses, processes, verificationStatuses } from "@/lib/batches/enums";
import { sortColumns } from "@/lib/batches/schemas";
import { Select, field, labelStyle, FilterButtons } from "@/components/ui/select";

type Props = { values: Record<string, string>; origins: string[]; warehouses: string[] };

/** A plain GET form: the filters live in the URL, and it works without JavaScript. */
export function InventoryFilters({ values, origins, warehouses }: Props) {
  return (
    <form method="get" action="/inventory" role="search" aria-label="Filter batches" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q" className={labelStyle}>
          Search
        </label>
        <input id="filter-q" type="search" name="q" defaultValue={values.q} placeholder="Batch code, farm or cooperative" className={`${field} w-64`} />
      </div>
      <Select name="status" label="Status" options={batchStatuses} value={values.status} />
      <Select name="verification_status" label="Verification" options={verificationStatuses} value={values.verification_status} />
      <Select name="origin_country" label="Origin" options={origins} value={values.origin_country} />
      <Select name="process" label="Process" options={processes} value={values.process} />
      <Select name="warehouse" label="Warehouse" options={warehouses} value={values.warehouse} />
      <Select name="sort" label="Sort by" options={sortColumns} value={values.sort ?? "id"} all={null} />
      <Select name="order" label="Order" options={["desc", "asc"]} value={values.order ?? "desc"} all={null} />
      <FilterButtons resetHref="/inventory" />
    </form>
  );
}
