// GET /api/batches/{batch_id}/audit-history — every change to the batch, oldest first, hash-chained
import { auditHistory } from "@/lib/audit/history";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";

export const dynamic = "force-dynamic";

export const GET = handle(verification.auditHistory, async ({ params: { batch_id } }) =>
  reply({ data: await auditHistory(getDb(), batch_id) }),
);
