// GET /api/cron/expiry — raises expired / expiring-soon alerts for minted batches (Vercel Cron)
import { flagExpiry } from "@/lib/alerts/expiry";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { system } from "@/lib/endpoints/system";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = handle(system.cronExpiry, async () => reply(await flagExpiry(getDb())));
