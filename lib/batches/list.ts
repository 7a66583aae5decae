import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";
import { decodeCursor, encodeCursor } from "./cursor";
import type { BatchListQuery } from "./schemas";
import { toBatchJson, type BatchJson } from "./serialize";

const sortable = {
  id: batches.id,
  batch_code: batches.batchCode,
  origin_country: batches.originCountry,
  harvest_date: batches.harvestDate,
  expiry_date: batches.expiryDate,
  quantity_kg: batches.quantityKg,
  price_per_kg: batches.pricePerKg,
  cupping_score: batches.cuppingScore,
  created_at: batches.createdAt,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(q: BatchListQuery): SQL[] {
  const where: SQL[] = [];
  if (q.status) where.push(inArray(batches.status, q.status));
  if (q.verification_status) where.push(inArray(batches.verificationStatus, q.verification_status));
  if (q.sync_status) where.push(inArray(batches.syncStatus, q.sync_status));
  if (q.process) where.push(inArray(batches.process, q.process));
  if (q.origin_country) where.push(eq(batches.originCountry, q.origin_country));
  if (q.warehouse) where.push(eq(batches.warehouse, q.warehouse));
  if (q.q) {
    const haystack = sql`(${batches.batchCode} || ' ' || coalesce(${batches.farm}, '') || ' ' || coalesce(${batches.cooperative}, ''))`;
    where.push(ilike(haystack, `%${escapeLike(q.q)}%`));
  }
  return where;
}

/** Rows after the cursor in `order by col <order> nulls last, id asc`. */
function after(q: BatchListQuery, value: string | null, id: number): SQL {
  const col = sortable[q.sort];
  if (value === null) return and(isNull(col), sql`${batches.id} > ${id}`)!;
  const beyond = q.order === "asc" ? sql`${col} > ${value}` : sql`${col} < ${value}`;
  return or(beyond, and(sql`${col} = ${value}`, sql`${batches.id} > ${id}`), isNull(col))!;
}

export async function listBatches(db: Db, q: BatchListQuery): Promise<{ data: BatchJson[]; next_cursor: string | null }> {
  const where = filters(q);
  if (q.cursor) {
    const c = decodeCursor(q.cursor, q.sort, q.order);
    where.push(after(q, c.value, c.id));
  }
  const col = sortable[q.sort];
  const rows = await db
    .select({ batch: batches, sortValue: sql<string | null>`${col}::text` })
    .from(batches)
    .where(and(...where))
    .orderBy(q.order === "asc" ? sql`${asc(col)} nulls last` : sql`${desc(col)} nulls last`, asc(batches.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next_cursor = rows.length > q.limit && last ? encodeCursor({ sort: q.sort, order: q.order, value: last.sortValue, id: last.batch.id }) : null;
  return { data: page.map((r) => toBatchJson(r.batch)), next_cursor };
}

/** Distinct values for the inventory filters. */
export async function listFilterOptions(db: Db): Promise<{ origins: string[]; warehouses: string[] }> {
  const origins = await db.selectDistinct({ v: batches.originCountry }).from(batches).orderBy(batches.originCountry);
  const warehouses = await db.selectDistinct({ v: batches.warehouse }).from(batches).orderBy(batches.warehouse);
  return { origins: origins.map((r) => r.v), warehouses: warehouses.flatMap((r) => (r.v ? [r.v] : [])) };
}
