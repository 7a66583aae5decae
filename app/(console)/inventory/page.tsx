import type { Metadata } from "next";
import Link from "next/link";
import { BatchTable } from "@/components/inventory/batch-table";
import { InventoryFilters } from "@/components/inventory/filters";
import { LiveRefresh } from "@/components/inventory/live-refresh";
import { ApiError } from "@/lib/api/errors";
import { listBatches, listFilterOptions } from "@/lib/batches/list";
import { ZBatchListQuery } from "@/lib/batches/schemas";
import { getDb } from "@/lib/db/server";

export const metadata: Metadata = { title: "Inventory" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InventoryPage({ searchParams }: Props) {
  // Empty form fields arrive as `origin_country=`; they mean "any".
  const values = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const query = ZBatchListQuery.safeParse(values);
  const db = getDb();
  const options = await listFilterOptions(db);

  let content: React.ReactNode;
  if (!query.success) {
    content = <Notice title="These filters are not valid" body={query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")} />;
  } else {
    try {
      const page = await listBatches(db, query.data);
      const next = page.next_cursor ? `/inventory?${new URLSearchParams({ ...values, cursor: page.next_cursor })}` : null;
      const { cursor, ...firstPage } = values;
      content =
        page.data.length === 0 ? (
          <Notice title="No batches match these filters" body="Try fewer filters, or reset them." />
        ) : (
          <>
            <BatchTable batches={page.data} />
            <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
              {cursor ? <Link href={`/inventory?${new URLSearchParams(firstPage)}`}>← First page</Link> : <span />}
              {next && <Link href={next}>Next page →</Link>}
            </nav>
          </>
        );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      content = <Notice title="These filters are not valid" body={error.message} />;
    }
  }

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Inventory</h1>
        <p className="text-sm text-stone-500">Every coffee batch minted on chain, as indexed from its events.</p>
      </div>
      <InventoryFilters values={values} {...options} />
      {content}
      <LiveRefresh intervalMs={5000} />
    </div>
  );
}

function Notice({ title, body }: { title: string; body: string }) {
  return (
    <div role="status" className="rounded-lg border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm text-stone-500">{body}</p>
    </div>
  );
}
