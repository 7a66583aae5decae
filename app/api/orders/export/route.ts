// "GET /api/orders/export" — every order the filters match, as CSV
import { csvFile, todaysFilename } from "@/lib/api/csv-file";
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { orders } from "@/lib/endpoints/orders";
import { ordersCsv } from "@/lib/orders/export";

export const dynamic = "force-dynamic";

export const GET = handle(orders.exportOrders, async ({ query, scope }) =>
  csvFile(ordersCsv(getDb(), scope, query), todaysFilename("orders")),
);
