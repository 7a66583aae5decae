// GET /api/admin/users — users with their roles and linked wallets
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";

export const GET = handle("GET /api/admin/users", async () => NextResponse.json({ data: await listUsers(getDb()) }));
