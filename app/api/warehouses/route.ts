// "GET /api/warehouses" — warehouses with stock on hand and capacity used; "POST /api/warehouses" — add one (admins)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import * as warehouses from "@/lib/stock/warehouses";

export const dynamic = "force-dynamic";

export const GET = handle(stock.listWarehouses, async () => reply({ data: await warehouses.listWarehouses(getDb()) }));

export const POST = handle(stock.createWarehouse, async ({ body, caller }) =>
  reply(warehouses.warehouseJson(await warehouses.createWarehouse(getDb(), body, actorOf(caller))), 201),
);
