// The batch or order a due diligence call is about, within the caller's scope (else 404).
import "server-only";

import { and, eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import { batchesInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

export async function getBatchRow(db: Db, scope: Scope, id: number) {
  const [row] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.id, id), batchesInScope(scope)));
  if (!row) throw new ApiError("not_found", `Batch ${id} does not exist.`);
  return row;
}
