// GET /api/batches/{batch_id}/epcis — the batch's history as an EPCIS 2.0 JSON-LD document
import { getDb } from "@/lib/db/server";
import { epcis } from "@/lib/endpoints/epcis";
import { handle } from "@/lib/endpoints/handle";
import { getEnv } from "@/lib/env";
import { exportBatchEpcis } from "@/lib/epcis/export";
import { epcisFile } from "@/lib/epcis/file";

export const dynamic = "force-dynamic";

export const GET = handle(epcis.batchEpcis, async ({ params: { batch_id } }) =>
  epcisFile(
    await exportBatchEpcis(getDb(), batch_id, { companyPrefix: getEnv().GS1_COMPANY_PREFIX }),
    `batch-${batch_id}`,
  ),
);
