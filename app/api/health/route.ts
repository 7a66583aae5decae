// GET /api/health — liveness: the app answers and its database does
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { getDb } from "@/lib/db/server";
import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/health", async () => {
  const health = await getHealth(getDb()).catch((error) => {
    console.error("health check failed", error);
    throw new ApiError("unavailable", "The database is unreachable.");
  });
  return NextResponse.json(health);
});
