// "POST /api/returns/[return_id]/receive" — take a requested return back into a warehouse (operators)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { getOrderDeps } from "@/lib/orders/server";
import { receive } from "@/lib/returns/flow";
import { actOnReturn } from "@/lib/returns/returns";

export const dynamic = "force-dynamic";

export const POST = handle(returns.receiveReturn, async ({ params, body, caller, scope }) =>
  reply(
    await actOnReturn(getDb(), scope, params.return_id, (tx, ret) =>
      receive(tx, ret, body.warehouse, actorOf(caller), getOrderDeps()),
    ),
  ),
);
