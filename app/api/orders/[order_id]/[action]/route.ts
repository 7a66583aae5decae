// "POST /api/orders/[order_id]/[action]" — confirm, reserve, ship, deliver, cancel or refund an order (operators)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { orders as endpoints } from "@/lib/endpoints/orders";
import * as orders from "@/lib/orders/orders";
import { getOrderDeps } from "@/lib/orders/server";

export const dynamic = "force-dynamic";

export const POST = handle(endpoints.orderAction, async ({ params, body, caller, scope }) =>
  reply(
    await orders.actOnOrder(getDb(), scope, params.order_id, params.action, {
      actor: actorOf(caller),
      note: body.note,
      deps: getOrderDeps(),
    }),
  ),
);
