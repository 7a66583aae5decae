// "POST /api/returns/[return_id]/decide" — accept or override the recommended disposition, and carry it out (verifiers)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { getOrderDeps } from "@/lib/orders/server";
import { decide } from "@/lib/returns/flow";
import { actOnReturn } from "@/lib/returns/returns";

export const dynamic = "force-dynamic";

export const POST = handle(returns.decideReturn, async ({ params, body, caller, scope }) =>
  reply(
    await actOnReturn(getDb(), scope, params.return_id, (tx, ret) =>
      decide(
        tx,
        ret,
        body,
        { actor: actorOf(caller), userId: caller.kind === "user" ? caller.user.id : null },
        getOrderDeps(),
      ),
    ),
  ),
);
