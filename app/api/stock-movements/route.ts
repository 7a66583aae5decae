// "GET /api/stock-movements" — the stock ledger with filters and cursor paging, within the caller's scope
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { stock } from "@/lib/endpoints/stock";
import * as ledger from "@/lib/stock/ledger";

export const dynamic = "force-dynamic";

export const GET = handle(stock.listMovements, async ({ query, scope }) =>
  reply(await ledger.listMovements(getDb(), scope, query)),
);
