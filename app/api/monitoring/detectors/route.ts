// GET /api/monitoring/detectors — each detector's rule, threshold and last run
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { monitoring } from "@/lib/endpoints/monitoring";
import { listDetectorStates } from "@/lib/monitoring/states";

export const dynamic = "force-dynamic";

export const GET = handle(monitoring.listDetectors, async () => reply({ data: await listDetectorStates(getDb()) }));
