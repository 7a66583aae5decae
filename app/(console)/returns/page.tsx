import type { Metadata } from "next";
import Link from "next/link";

import { ReturnFilters } from "@/components/returns/return-filters";
import { ReturnsTable } from "@/components/returns/returns-table";
import { Card, Empty } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
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
  const filters = new URLSearchParams(filterNames.flatMap((k) => (values[k] ? [[k, values[k]]] : [])));
  const page = "page" in result ? result.page : null;
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
      <ReturnFilters values={values} exportHref={`/api/returns/export?${filters}`} />
      {!page ? (
        <Notice>{"invalid" in result ? result.invalid : null}</Notice>
      ) : (
        <Card>
          {page.data.length === 0 ? (
            <Empty>No return matches these filters.</Empty>
          ) : (
            <ReturnsTable returns={page.data} />
          )}
          <Pager
            path="/returns"
            filters={filters}
            cursor={values.cursor}
            back={filtersInUrl.back}
            next={page.next_cursor}
            nextLabel="Older returns"
          />
        </Card>
      )}
    </div>
  );
}
