import type { Metadata } from "next";
import Link from "next/link";

import { ReturnFilters } from "@/components/returns/return-filters";
import { ReturnsTable } from "@/components/returns/returns-table";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList, placeOf } from "@/components/ui/paged-list";
import { loadListPage, readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { listReturns } from "@/lib/returns/returns";
import { ZReturnQuery } from "@/lib/returns/schemas";

export const metadata: Metadata = { title: "Returns" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };
const filterNames = ["status", "reason", "buyer_id", "order_id", "batch_id"] as const;

export default async function ReturnsPage({ searchParams }: Props) {
  const user = await requirePageUser("/returns");
  const filtersInUrl = readFilters(await searchParams);
  const { values } = filtersInUrl;
  const result = await loadListPage(ZReturnQuery, filtersInUrl, (q) => listReturns(getDb(), user.scope, q));
  const place = placeOf("/returns", filterNames, filtersInUrl);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Returns"
        aside={
          <Link href="/returns/analytics" className="text-sm underline">
            Returns analytics
          </Link>
        }
      >
        {user.isMember
          ? "Your organisation's returns, newest first. A return is requested from a delivered order's page."
          : "Coffee sent back by buyers, newest first: received at a warehouse, inspected, then decided."}
      </PageHeader>
      <ReturnFilters values={values} exportHref={`/api/returns/export?${place.filters}`} />
      <PagedList result={result} place={place} nextLabel="Older returns" empty="No return matches these filters.">
        {(page) => <ReturnsTable returns={page.data} />}
      </PagedList>
    </div>
  );
}
