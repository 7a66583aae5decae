// "GET /api/orders/[order_id]" — an order with its lines, reservations, shipments and history
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { orders as endpoints } from "@/lib/endpoints/orders";
import * as orders from "@/lib/orders/orders";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.getOrder, async ({ params, scope }) =>
  reply(await orders.getOrder(getDb(), scope, params.order_id)),
);
