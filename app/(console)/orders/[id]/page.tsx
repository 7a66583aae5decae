import type { Metadata } from "next";

import { History } from "@/components/audit/history";
import { OrderStatements } from "@/components/eudr/order-statements";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderFacts } from "@/components/orders/order-facts";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderReservations, OrderShipments } from "@/components/orders/order-shipping";
import { OrderReturns } from "@/components/returns/order-returns";
import { ValueBadge } from "@/components/ui/badge";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { getEnv } from "@/lib/env";
import { getOrder } from "@/lib/orders/orders";
import { listReturns } from "@/lib/returns/returns";

import { loadDetail, type DetailProps } from "../../page-loads";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: DetailProps): Promise<Metadata> {
  return { title: `Order #${(await params).id}` };
}

export default async function OrderPage({ params }: DetailProps) {
  const db = getDb();
  const {
    user,
    id,
    record: order,
  } = await loadDetail("/orders", (await params).id, (u, id) => getOrder(db, u.scope, id));
  const returns = await listReturns(db, user.scope, { order_id: id, limit: 200 });
  // Sent or about to be, and not yet seen by the indexer on every line.
  const isShipping =
    order.status === "reserved" &&
    order.shipments.some((s) => s.status === "queued" || s.status === "sent" || s.status === "indexed");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Order #{order.id}</h1>
        <span data-testid="order-status">
          <ValueBadge value={order.status} />
        </span>
        <div className="ml-auto">
          <OrderActions
            orderId={order.id}
            status={order.status}
            isShipping={isShipping}
            canAct={can(user, "POST /api/orders/[order_id]/[action]")}
          />
        </div>
      </div>
      <OrderFacts order={order} />
      <OrderLines order={order} canReturn={can(user, "POST /api/returns")} />
      <OrderReservations order={order} />
      <OrderShipments order={order} explorerUrl={getEnv().EXPLORER_URL ?? null} />
      <OrderReturns returns={returns.data} />
      <OrderStatements
        db={db}
        scope={user.scope}
        orderId={order.id}
        canGenerate={can(user, "POST /api/due-diligence/statements")}
        canSubmit={can(user, "POST /api/due-diligence/statements/[statement_id]/submit")}
      />
      <History id="order-history" records={order.history} />
    </div>
  );
}
