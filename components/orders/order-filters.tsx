// The orders list's filters: in the URL, applied as they change (a plain GET form without JavaScript).
import { TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterButtons, Select } from "@/components/ui/select";
import { orderStatuses } from "@/lib/db/enums";

type Props = {
  values: Record<string, string>;
  /** Staff filter by buyer; a buyer's own members see only their orders and get no buyer choice. */
  buyers: { id: number; name: string }[] | null;
  exportHref: string;
};

export function OrderFilters({ values, buyers, exportHref }: Props) {
  return (
    <FilterForm action="/orders" names={["status", "buyer_id", "batch_id", "from", "to"]} label="Filter orders">
      <Select name="status" label="Status" options={orderStatuses} value={values.status} />
      {buyers && (
        <Select
          name="buyer_id"
          label="Buyer"
          options={buyers.map((b) => String(b.id))}
          labels={Object.fromEntries(buyers.map((b) => [String(b.id), b.name]))}
          value={values.buyer_id}
        />
      )}
      <TextField name="batch_id" label="Batch id" defaultValue={values.batch_id} inputMode="numeric" className="w-24" />
      <TextField type="date" name="from" label="From" defaultValue={values.from} />
      <TextField type="date" name="to" label="To" defaultValue={values.to} />
      <FilterButtons resetHref="/orders" />
      <a href={exportHref} className="ml-auto py-1.5 text-sm underline" download>
        Download CSV
      </a>
    </FilterForm>
  );
}
