// "PATCH /api/buyers/[buyer_id]" — a buyer's delivery wallet or a new address (admins)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { orders } from "@/lib/endpoints/orders";
import * as buyers from "@/lib/orders/buyers";

export const dynamic = "force-dynamic";

export const PATCH = handle(orders.updateBuyer, async ({ params, body, caller }) =>
  reply(await buyers.updateBuyer(getDb(), params.buyer_id, body, actorOf(caller))),
);
