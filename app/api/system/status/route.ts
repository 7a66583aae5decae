// GET /api/system/status — each component's state, since when, and its figures
import { handle, reply } from "@/lib/endpoints/handle";
import { system } from "@/lib/endpoints/system";
import { getStatusDeps } from "@/lib/system/server";
import { getSystemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

export const GET = handle(system.systemStatus, async () => reply(await getSystemStatus(getStatusDeps())));
