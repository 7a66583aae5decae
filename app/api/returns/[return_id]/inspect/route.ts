// "POST /api/returns/[return_id]/inspect" — grade a received return and recommend its disposition (verifiers)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { inspect } from "@/lib/returns/flow";
import { actOnReturn } from "@/lib/returns/returns";

export const dynamic = "force-dynamic";

export const POST = handle(returns.inspectReturn, async ({ params, body, caller, scope }) =>
  reply(await actOnReturn(getDb(), scope, params.return_id, (tx, ret) => inspect(tx, ret, body, actorOf(caller)))),
);
