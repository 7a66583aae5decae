// "POST /api/returns/[return_id]/reject" — reject a requested return, saying why (operators)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { reject } from "@/lib/returns/flow";
import { actOnReturn } from "@/lib/returns/returns";

export const dynamic = "force-dynamic";

export const POST = handle(returns.rejectReturn, async ({ params, body, caller, scope }) =>
  reply(await actOnReturn(getDb(), scope, params.return_id, (tx, ret) => reject(tx, ret, body.note, actorOf(caller)))),
);
