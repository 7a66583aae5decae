// "GET /api/buyers" — buyer organisations with their delivery wallet and addresses
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { orders } from "@/lib/endpoints/orders";
import * as buyers from "@/lib/orders/buyers";

export const dynamic = "force-dynamic";

export const GET = handle(orders.listBuyers, async () => reply({ data: await buyers.listBuyers(getDb()) }));
