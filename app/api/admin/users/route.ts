// GET /api/admin/users — users with their roles and linked wallets
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";

export const GET = handle(admin.listUsers, async () => reply({ data: await listUsers(getDb()) }));
