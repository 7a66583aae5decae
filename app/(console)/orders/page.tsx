import type { Metadata } from "next";
import Link from "next/link";

import { OrderFilters } from "@/components/orders/order-filters";
import { OrdersTable } from "@/components/orders/orders-table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/ui/paged-list";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listBuyers } from "@/lib/orders/buyers";
import { listOrders } from "@/lib/orders/orders";
import { ZOrderQuery } from "@/lib/orders/schemas";

import { openList, type ListProps } from "../page-loads";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

const filterNames = ["status", "buyer_id", "batch_id", "from", "to"] as const;

export default async function OrdersPage({ searchParams }: ListProps) {
  const { user, values, place, load } = await openList("/orders", searchParams, filterNames);
  const db = getDb();
  const [list, buyers] = await Promise.all([
    load(ZOrderQuery, (q) => listOrders(db, user.scope, q)),
    user.isMember ? null : listBuyers(db),
  ]);
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
      <PagedList {...list} nextLabel="Older orders" empty="No order matches these filters.">
        {(page) => <OrdersTable orders={page.data} />}
      </PagedList>
    </div>
  );
}
