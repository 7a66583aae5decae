// GET /api/monitoring/detectors — each detector's rule, threshold and last run
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { listDetectors as endpoint } from "@/lib/endpoints/monitoring";
import { listDetectorStates } from "@/lib/monitoring/states";

export const dynamic = "force-dynamic";

export const GET = handle(endpoint, async () => reply({ data: await listDetectorStates(getDb()) }));
