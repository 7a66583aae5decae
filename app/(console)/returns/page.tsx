import type { Metadata } from "next";

import { ReturnFilters } from "@/components/returns/return-filters";
import { ReturnsTable } from "@/components/returns/returns-table";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/ui/paged-list";
import { getDb } from "@/lib/db/server";
import { listReturns } from "@/lib/returns/returns";
import { ZReturnQuery } from "@/lib/returns/schemas";

import { openList, type ListProps } from "../page-loads";

export const metadata: Metadata = { title: "Returns" };
export const dynamic = "force-dynamic";

const filterNames = ["status", "reason", "buyer_id", "order_id", "batch_id"] as const;

export default async function ReturnsPage({ searchParams }: ListProps) {
  const { user, values, place, load } = await openList("/returns", searchParams, filterNames);
  const list = await load(ZReturnQuery, (q) => listReturns(getDb(), user.scope, q));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Returns" link={{ href: "/returns/analytics", label: "Returns analytics" }}>
        {user.isMember
          ? "Your organisation's returns, newest first. A return is requested from a delivered order's page."
          : "Coffee sent back by buyers, newest first: received at a warehouse, inspected, then decided."}
      </PageHeader>
      <ReturnFilters values={values} exportHref={`/api/returns/export?${place.filters}`} />
      <PagedList {...list} nextLabel="Older returns" empty="No return matches these filters.">
        {(page) => <ReturnsTable returns={page.data} />}
      </PagedList>
    </div>
  );
}
