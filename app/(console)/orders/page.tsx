import type { Metadata } from "next";
import Link from "next/link";

import { OrderFilters } from "@/components/orders/order-filters";
import { OrdersTable } from "@/components/orders/orders-table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList, placeOf } from "@/components/ui/paged-list";
import { loadListPage, readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listBuyers } from "@/lib/orders/buyers";
import { listOrders } from "@/lib/orders/orders";
import { ZOrderQuery } from "@/lib/orders/schemas";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };
const filterNames = ["status", "buyer_id", "batch_id", "from", "to"] as const;

export default async function OrdersPage({ searchParams }: Props) {
  const user = await requirePageUser("/orders");
  const filtersInUrl = readFilters(await searchParams);
  const { values } = filtersInUrl;
  const db = getDb();
  const [result, buyers] = await Promise.all([
    loadListPage(ZOrderQuery, filtersInUrl, (q) => listOrders(db, user.scope, q)),
    user.isMember ? null : listBuyers(db),
  ]);
  const place = placeOf("/orders", filterNames, filtersInUrl);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Orders"
        aside={
          can(user, "POST /api/orders") && (
            <Link href="/orders/new" className={buttonClass({ variant: "primary" })}>
              New order
            </Link>
          )
        }
      >
        {user.isMember
          ? "Your organisation's orders, newest first."
          : "Orders from buyers, newest first: each reserves its batches' stock once confirmed."}
      </PageHeader>
      <OrderFilters values={values} buyers={buyers} exportHref={`/api/orders/export?${place.filters}`} />
      <PagedList result={result} place={place} nextLabel="Older orders" empty="No order matches these filters.">
        {(page) => <OrdersTable orders={page.data} />}
      </PagedList>
    </div>
  );
}
