// GET /api/system/alerts — system alerts, newest first, one page at a time
import { listSystemAlerts } from "@/lib/alerts/system";
import { getDb } from "@/lib/db/server";
import { alerts } from "@/lib/endpoints/alerts";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const GET = handle(alerts.listSystemAlerts, async ({ query }) => reply(await listSystemAlerts(getDb(), query)));
