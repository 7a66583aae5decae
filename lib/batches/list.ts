import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { batchAlerts, batches } from "@/lib/db/schema";
import { readCounts } from "@/lib/stats/counts";
import { decodeCursor, encodeCursor } from "./cursor";
import type { BatchListQuery, expiryWindows, sortColumns } from "./schemas";
import { toBatchJson, type BatchJson } from "./serialize";

// Every column has an index on (column, id), so any sort pages by keyset at any depth.
const sortable = {
  id: batches.id,
  batch_code: batches.batchCode,
  token_id: batches.tokenId,
  origin_country: batches.originCountry,
  process: batches.process,
  warehouse: batches.warehouse,
  harvest_date: batches.harvestDate,
  expiry_date: batches.expiryDate,
  quantity_kg: batches.quantityKg,
  price_per_kg: batches.pricePerKg,
  cupping_score: batches.cuppingScore,
  quality_grade: batches.qualityGrade,
  risk_score: batches.riskScore,
  status: batches.status,
  verification_status: batches.verificationStatus,
  sync_status: batches.syncStatus,
  created_at: batches.createdAt,
  updated_at: batches.updatedAt,
} satisfies Record<(typeof sortColumns)[number], unknown>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(q: BatchListQuery): SQL[] {
  const where: SQL[] = [];
  if (q.status) where.push(inArray(batches.status, q.status));
  if (q.verification_status) where.push(inArray(batches.verificationStatus, q.verification_status));
  if (q.sync_status) where.push(inArray(batches.syncStatus, q.sync_status));
  if (q.process) where.push(inArray(batches.process, q.process));
  if (q.quality_grade) where.push(inArray(batches.qualityGrade, q.quality_grade));
  if (q.risk_level) where.push(inArray(batches.riskLevel, q.risk_level));
  if (q.expiry_window) where.push(expiringWithin(q.expiry_window));
  if (q.origin_country) where.push(eq(batches.originCountry, q.origin_country));
  if (q.warehouse) where.push(eq(batches.warehouse, q.warehouse));
  if (q.q) {
    const haystack = sql`(${batches.batchCode} || ' ' || coalesce(${batches.farm}, '') || ' ' || coalesce(${batches.cooperative}, ''))`;
    where.push(ilike(haystack, `%${escapeLike(q.q)}%`));
  }
  return where;
}

/** Sellable batches past their expiry, or due within the window (today in UTC, as the expiry job counts). */
function expiringWithin(window: (typeof expiryWindows)[number]): SQL {
  const sellable = inArray(batches.status, ["active", "verified", "flagged"]);
  const today = sql`(now() at time zone 'UTC')::date`;
  if (window === "expired") return and(sellable, sql`${batches.expiryDate} < ${today}`)!;
  return and(sellable, sql`${batches.expiryDate} between ${today} and ${today} + ${Number(window)}::int`)!;
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

/** The values the inventory's origin and warehouse filters offer: from the counters, not a scan. */
export async function listFilterOptions(db: Db): Promise<{ origins: string[]; warehouses: string[] }> {
  const counts = await readCounts(db);
  const values = (dimension: string) => Object.keys(counts[dimension] ?? {}).filter((v) => v !== "none").sort();
  return { origins: values("origin_country"), warehouses: values("warehouse") };
}

/** Open alerts per batch, for a page of rows. */
export async function countOpenAlerts(db: Db, batchIds: number[]): Promise<Map<number, number>> {
  if (!batchIds.length) return new Map();
  const rows = await db
    .select({ batchId: batchAlerts.batchId, n: sql<number>`count(*)::int` })
    .from(batchAlerts)
    .where(and(inArray(batchAlerts.batchId, batchIds), eq(batchAlerts.status, "open")))
    .groupBy(batchAlerts.batchId);
  return new Map(rows.map((r) => [r.batchId, r.n]));
}
