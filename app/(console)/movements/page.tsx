import type { Metadata } from "next";
import Link from "next/link";

import { MovementsTable } from "@/components/stock/movements-table";
import { Card, Empty } from "@/components/ui/card";
import { field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { movementTypes } from "@/lib/db/enums";
import { getDb } from "@/lib/db/server";
import { humanize } from "@/lib/format";
import { listMovements } from "@/lib/stock/ledger";
import { ZMovementQuery } from "@/lib/stock/schemas";

export const metadata: Metadata = { title: "Movements" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };
const filterNames = ["batch_id", "type", "warehouse", "holder", "from", "to"] as const;

export default async function MovementsPage({ searchParams }: Props) {
  const user = await requirePageUser("/movements");
  const { values, back } = readFilters(await searchParams);
  const parsed = ZMovementQuery.safeParse(values);
  const page = parsed.success ? await listMovements(getDb(), user.scope, parsed.data) : null;
  const filters = new URLSearchParams(filterNames.flatMap((k) => (values[k] ? [[k, values[k]]] : [])));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Stock movements" />
      <FilterForm action="/movements" names={filterNames} label="Filter movements">
        <label className="flex flex-col text-xs">
          Batch id
          <input name="batch_id" defaultValue={values.batch_id} className={field} inputMode="numeric" />
        </label>
        <label className="flex flex-col text-xs">
          Type
          <select name="type" defaultValue={values.type ?? ""} className={field}>
            <option value="">any</option>
            {movementTypes.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs">
          Warehouse
          <input name="warehouse" defaultValue={values.warehouse} className={field} />
        </label>
        <label className="flex flex-col text-xs">
          Holder
          <input name="holder" defaultValue={values.holder} className={field} placeholder="0x…" />
        </label>
        <label className="flex flex-col text-xs">
          From
          <input type="date" name="from" defaultValue={values.from} className={field} />
        </label>
        <label className="flex flex-col text-xs">
          To
          <input type="date" name="to" defaultValue={values.to} className={field} />
        </label>
        <button
          type="submit"
          className="rounded-md bg-stone-900 px-3 py-1.5 text-sm text-white dark:bg-stone-100 dark:text-stone-900"
        >
          Filter
        </button>
        <Link href="/movements" className="py-1.5 text-sm underline">
          Clear
        </Link>
        <a href={`/api/stock-movements/export?${filters}`} className="ml-auto py-1.5 text-sm underline" download>
          Download CSV
        </a>
      </FilterForm>
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      ) : (
        <Card id="ledger" title="Ledger">
          {page!.data.length === 0 ? (
            <Empty>No movement matches these filters.</Empty>
          ) : (
            <MovementsTable movements={page!.data} />
          )}
          <div className="mt-3">
            <Pager
              path="/movements"
              filters={filters}
              cursor={values.cursor}
              back={back}
              next={page!.next_cursor}
              nextLabel="Older movements"
            />
          </div>
        </Card>
      )}
    </div>
  );
}
