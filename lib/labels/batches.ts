// What a label shows: the batch code, where it comes from, and its GS1 Digital Link (the app resolves
// it to the batch's trace page).
import { and, inArray } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import { batchesInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";
import { digitalLinkFor, lotFor } from "@/lib/gs1/digital-link";
import { gtinFor } from "@/lib/gs1/gtin";

export type Label = { batchCode: string; origin: string; detail: string; traceUrl: string };

/** The labels in the order asked for; a 404 names every id the database does not have, or that is outside `scope`. */
export async function listLabels(
  db: Db,
  ids: number[],
  { baseUrl, companyPrefix }: { baseUrl: string; companyPrefix: string },
  scope: Scope,
): Promise<Label[]> {
  const rows = await db
    .select({
      id: batches.id,
      batchCode: batches.batchCode,
      originCountry: batches.originCountry,
      region: batches.region,
      process: batches.process,
      variety: batches.variety,
    })
    .from(batches)
    .where(and(inArray(batches.id, ids), batchesInScope(scope)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new ApiError("not_found", `No batch with id ${missing.join(", ")}.`, { missing });
  return ids.map((id) => {
    const b = byId.get(id)!;
    return {
      batchCode: b.batchCode,
      origin: [b.region, b.originCountry].filter(Boolean).join(", "),
      detail: [b.variety, b.process].filter(Boolean).join(" · "),
      traceUrl: digitalLinkFor(baseUrl, gtinFor(companyPrefix, b.originCountry), lotFor(b)),
    };
  });
}
