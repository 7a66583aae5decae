// The batch a Digital Link names: the lot finds it (by code, or by id for a code too long for a lot),
// and the GTIN must be the one its origin gives under this deployment's company prefix.
import "server-only";

import { eq } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

import { lotFor, readLot } from "./digital-link";
import { gtinFor } from "./gtin";

/** The batch code to trace, or null when no batch carries this GTIN and lot. */
export async function findBatchCodeByLink(
  db: Db,
  { gtin, lot, companyPrefix }: { gtin: string; lot: string; companyPrefix: string },
): Promise<string | null> {
  const named = readLot(lot);
  const [batch] = await db
    .select({ id: batches.id, batchCode: batches.batchCode, originCountry: batches.originCountry })
    .from(batches)
    .where("batchId" in named ? eq(batches.id, named.batchId) : eq(batches.batchCode, named.batchCode));
  if (!batch || lotFor(batch) !== lot || gtinFor(companyPrefix, batch.originCountry) !== gtin) return null;
  return batch.batchCode;
}
