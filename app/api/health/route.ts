// GET /api/health — liveness: the app answers and its database does
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/server";
import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return NextResponse.json(await getHealth(getDb()));
  } catch (error) {
    console.error("health check failed", error);
    return errorResponse(new ApiError("unavailable", "The database is unreachable."));
  }
}
