// GET /api/batches/{batch_id}/alerts — the batch's alerts, open and resolved, newest first
import { listAlerts } from "@/lib/alerts/alerts";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";

export const dynamic = "force-dynamic";

export const GET = handle(verification.batchAlerts, async ({ params: { batch_id } }) =>
  reply({ data: await listAlerts(getDb(), batch_id) }),
);
