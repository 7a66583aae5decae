// GET /api/batches/{batch_id}/quality-checks — a batch's quality checks, newest first, with their files
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { listQualityChecks } from "@/lib/quality/checks";

export const dynamic = "force-dynamic";

export const GET = handle(verification.qualityChecks, async ({ params: { batch_id } }) =>
  reply({ data: await listQualityChecks(getDb(), batch_id) }),
);
