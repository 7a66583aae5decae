import type { Metadata } from "next";
import Link from "next/link";

import { OrderFilters } from "@/components/orders/order-filters";
import { OrdersTable } from "@/components/orders/orders-table";
import { buttonClass } from "@/components/ui/button";
import { Card, Empty } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { readFilters, type SearchParams } from "@/lib/api/search-params";
import type { Scope } from "@/lib/auth/scope";
import { requirePageUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listBuyers } from "@/lib/orders/buyers";
import { listOrders } from "@/lib/orders/orders";
import { ZOrderQuery } from "@/lib/orders/schemas";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };
const filterNames = ["status", "buyer_id", "batch_id", "from", "to"] as const;

/** The page of orders, or why the filters in the URL cannot be used. */
async function load(db: Db, scope: Scope, values: Record<string, string>) {
  const query = ZOrderQuery.safeParse(values);
  if (!query.success)
    return { invalid: query.error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ") };
  try {
    return { page: await listOrders(db, scope, query.data) };
  } catch (error) {
    if (error instanceof ApiError) return { invalid: error.message };
    throw error;
  }
}

export default async function OrdersPage({ searchParams }: Props) {
  const user = await requirePageUser("/orders");
  const { values, repeated } = readFilters(await searchParams);
  const db = getDb();
  const [result, buyers] = await Promise.all([
    repeated.length
      ? { invalid: `${repeated.join(", ")}: give each filter once (lists are comma-separated)` }
      : load(db, user.scope, values),
    user.isMember ? null : listBuyers(db),
  ]);
  const filters = new URLSearchParams(filterNames.flatMap((k) => (values[k] ? [[k, values[k]]] : [])));
  const page = "page" in result ? result.page : null;
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
      <OrderFilters values={values} buyers={buyers} exportHref={`/api/orders/export?${filters}`} />
      {!page ? (
        <Notice>{"invalid" in result ? result.invalid : null}</Notice>
      ) : (
        <Card>
          {page.data.length === 0 ? <Empty>No order matches these filters.</Empty> : <OrdersTable orders={page.data} />}
          <div className="flex gap-4 text-sm">
            {values.cursor && (
              <Link className="underline" href={`/orders?${filters}`}>
                First page
              </Link>
            )}
            {page.next_cursor && (
              <Link
                className="underline"
                href={`/orders?${new URLSearchParams([...filters, ["cursor", page.next_cursor]])}`}
              >
                Older orders
              </Link>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
