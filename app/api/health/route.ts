// GET /api/health — liveness: the app answers and its database does
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { system } from "@/lib/endpoints/system";
import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = handle(system.health, async () => {
  const result = await getHealth(getDb()).catch((error) => {
    console.error("health check failed", error);
    throw new ApiError("unavailable", "The database is unreachable.");
  });
  return reply(result);
});
