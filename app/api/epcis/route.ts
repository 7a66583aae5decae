// GET /api/epcis?from=&to= — every in-scope batch's EPCIS 2.0 events in a date range
import { getDb } from "@/lib/db/server";
import { epcis } from "@/lib/endpoints/epcis";
import { handle } from "@/lib/endpoints/handle";
import { getEnv } from "@/lib/env";
import { exportRangeEpcis } from "@/lib/epcis/export";
import { epcisFile } from "@/lib/epcis/file";

export const dynamic = "force-dynamic";

export const GET = handle(epcis.rangeEpcis, async ({ query, scope }) =>
  epcisFile(
    await exportRangeEpcis(getDb(), scope, query, { companyPrefix: getEnv().GS1_COMPANY_PREFIX }),
    `epcis-${query.from}-${query.to}`,
  ),
);
