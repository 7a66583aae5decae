// "GET /api/orders" — orders in the caller's scope; "POST /api/orders" — a new order (operators)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { orders as endpoints } from "@/lib/endpoints/orders";
import * as orders from "@/lib/orders/orders";
import { getOrderDeps } from "@/lib/orders/server";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.listOrders, async ({ query, scope }) =>
  reply(await orders.listOrders(getDb(), scope, query)),
);

export const POST = handle(endpoints.createOrder, async ({ body, caller, scope }) => {
  const db = getDb();
  const { id, created } = await orders.createOrder(db, body, {
    actor: actorOf(caller),
    userId: caller.kind === "user" ? caller.user.id : null,
    holdHours: getOrderDeps().holdHours,
  });
  return reply(await orders.getOrder(db, scope, id), created ? 201 : 200);
});
