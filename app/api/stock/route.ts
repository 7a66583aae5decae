// "GET /api/stock" — stock on hand per warehouse and per holder, within the caller's scope
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import { getStockSummary } from "@/lib/stock/ledger";

export const dynamic = "force-dynamic";

export const GET = handle(stock.getStock, async ({ scope }) => reply(await getStockSummary(getDb(), scope)));
