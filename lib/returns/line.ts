// The order line a return is requested against, as the request form shows it: its batch, what it
// shipped and what may still come back. Outside the caller's scope it is missing.
import "server-only";

import { and, eq } from "drizzle-orm";

import type { Scope } from "@/lib/auth/scope";
import { gramsToKg } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { batches, orderLines, orders, organisations } from "@/lib/db/schema";
import { ordersInScope } from "@/lib/orders/orders";

import { returnedOf } from "./returns";

export async function getReturnableLine(db: Db, scope: Scope, lineId: number) {
  const [row] = await db
    .select({
      orderId: orders.id,
      status: orders.status,
      buyer: organisations.name,
      batchId: batches.id,
      code: batches.batchCode,
      shipped: orderLines.quantity,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(batches, eq(batches.id, orderLines.batchId))
    .innerJoin(organisations, eq(organisations.id, orders.buyerId))
    .where(and(eq(orderLines.id, lineId), ordersInScope(scope)));
  if (!row) return null;
  const shipped = BigInt(row.shipped);
  const returned = await returnedOf(db, lineId);
  return {
    id: lineId,
    order_id: row.orderId,
    order_status: row.status,
    buyer: row.buyer,
    batch_id: row.batchId,
    batch_code: row.code,
    shipped_kg: gramsToKg(shipped),
    returned_kg: gramsToKg(returned),
    returnable_kg: gramsToKg(shipped > returned ? shipped - returned : 0n),
  };
}
export type ReturnableLine = NonNullable<Awaited<ReturnType<typeof getReturnableLine>>>;
