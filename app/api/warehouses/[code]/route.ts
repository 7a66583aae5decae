// "PATCH /api/warehouses/[code]" — change or deactivate a warehouse (admins)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import * as warehouses from "@/lib/stock/warehouses";

export const dynamic = "force-dynamic";

export const PATCH = handle(stock.updateWarehouse, async ({ params, body, caller }) =>
  reply(warehouses.warehouseJson(await warehouses.updateWarehouse(getDb(), params.code, body, actorOf(caller)))),
);
