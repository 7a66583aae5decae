// GET /api/admin/users — users with their roles and linked wallets
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { listUsers as list } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";

export const GET = handle(list, async () => reply({ data: await listUsers(getDb()) }));
