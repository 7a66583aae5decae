import "server-only";

import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";

import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";
import { batchAlerts, batches } from "@/lib/db/schema";
import { readCounts } from "@/lib/stats/counts";

import { eudrReady } from "./eudr";
import type { BatchListQuery, expiryWindows, sortColumns } from "./schemas";
import { batchesInScope } from "./scope";
import { toBatchJson, type BatchJson } from "./serialize";
import { stockFigures } from "./stock";

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
  // plots
  if (q.eudr_ready) where.push(q.eudr_ready === "yes" ? eudrReady() : sql`not ${eudrReady()}`);
  if (q.q) {
    const haystack = sql`(${batches.batchCode} || ' ' || coalesce(${batches.farm}, '') || ' ' || coalesce(${batches.cooperative}, '') || ' ' || ${batches.originCountry} || ' ' || coalesce(${batches.region}, ''))`;
    where.push(ilike(haystack, `%${escapeLike(q.q)}%`));
  }
  return where;
}

/**
 * Batches past their expiry date, whether or not the chain has marked them expired yet (redeemed
 * ones are gone); or sellable ones due within the window (today in UTC, as the expiry job counts).
 */
function expiringWithin(window: (typeof expiryWindows)[number]): SQL {
  const sellable = inArray(batches.status, ["active", "verified", "flagged"]);
  const today = sql`(now() at time zone 'UTC')::date`;
  if (window === "expired")
    return and(
      inArray(batches.status, ["active", "verified", "flagged", "expired"]),
      sql`${batches.expiryDate} < ${today}`,
    )!;
  return and(sellable, sql`${batches.expiryDate} between ${today} and ${today} + ${Number(window)}::int`)!;
}

type Row = { batch: typeof batches.$inferSelect; sortValue: string | null };

// How many rows of the sort's index a page first looks through for its matches: a few milliseconds.
const probeRows = 5_000;

/**
 * The first `limit` rows matching `where`, in `order`, among the rows `along` selects (one side of
 * the sort, past the cursor). With a text search, whose matches the planner cannot count (it guesses
 * 100 for 20,000, then fetches and sorts them all), first looked for among the first `probeRows` of
 * them in that order, one bounded walk down the sort's index: when those hold a full page, it is the
 * page. Else the planner's own plan, which starts from the search's index when it matches few rows.
 */
async function readFirst(db: Db, q: BatchListQuery, along: SQL[], where: SQL[], order: SQL[], limit: number) {
  const col = sortable[q.sort];
  const select = { batch: batches, sortValue: sql<string | null>`${col}::text` };
  if (q.q) {
    // Named as the table, so the filters read its columns; a filter is never pushed below a limit.
    const head = db
      .select()
      .from(batches)
      .where(and(...along))
      .orderBy(...order)
      .limit(probeRows);
    const found = await db
      .select(select)
      .from(head.as("batches"))
      .where(and(...where))
      .orderBy(...order)
      .limit(limit);
    if (found.length === limit) return found;
  }
  return db
    .select(select)
    .from(batches)
    .where(and(...where, ...along))
    .orderBy(...order)
    .limit(limit);
}

/**
 * One page in `order by col <order> nulls last, id <order>`, read by keyset so a deep page costs
 * what the first does. Rows with a value and rows without are read apart, each straight down an
 * (col, id) index in either direction, the rows without a value after the others.
 */
async function readPage(
  db: Db,
  q: BatchListQuery,
  where: SQL[],
  cursor: { value: string | null; id: number } | null,
): Promise<Row[]> {
  const col = sortable[q.sort];
  const isAsc = q.order === "asc";
  const dir = (c: SQL | typeof col) => (isAsc ? asc(c) : desc(c));
  const beyond = (a: SQL, b: SQL) => (isAsc ? sql`${a} > ${b}` : sql`${a} < ${b}`);
  const valued = !cursor
    ? []
    : cursor.value === null
      ? [sql`false`]
      : [beyond(sql`(${col}, ${batches.id})`, sql`(${cursor.value}, ${cursor.id})`)];
  const nulls = cursor?.value === null ? [beyond(sql`${batches.id}`, sql`${cursor.id}`)] : [];
  const withValue = await readFirst(
    db,
    q,
    [isNotNull(col), ...valued],
    where,
    [dir(col), dir(batches.id)],
    q.limit + 1,
  );
  const wanted = q.limit + 1 - withValue.length;
  if (wanted === 0) return withValue;
  const withoutValue = await readFirst(db, q, [isNull(col), ...nulls], where, [dir(batches.id)], wanted);
  return [...withValue, ...withoutValue];
}

/** One page of the batches in `scope` that the filters match. */
export async function listBatches(
  db: Db,
  q: BatchListQuery,
  scope: Scope,
): Promise<{ data: BatchJson[]; next_cursor: string | null }> {
  const cursor = q.cursor ? decodeCursor(q.cursor, q.sort, q.order) : null;
  const inScope = batchesInScope(scope);
  const rows = await readPage(db, q, inScope ? [...filters(q), inScope] : filters(q), cursor);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > q.limit && last
      ? encodeCursor({ sort: q.sort, order: q.order, value: last.sortValue, id: last.batch.id })
      : null;
  const stock = await stockFigures(
    db,
    page.map((r) => r.batch.id),
  );
  return { data: page.map((r) => toBatchJson(r.batch, stock.get(r.batch.id))), next_cursor };
}

/** How many batches match the filters (the cursor and sort aside) within the scope: the inventory's result count. */
export async function countBatches(db: Db, q: BatchListQuery, scope: Scope): Promise<number> {
  const inScope = batchesInScope(scope);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(batches)
    .where(and(...filters(q), inScope));
  return row.n;
}

/** The values the inventory's origin and warehouse filters offer: from the counters, not a scan (for an organisation, from its own batches). */
export async function listFilterOptions(db: Db, scope: Scope): Promise<{ origins: string[]; warehouses: string[] }> {
  const inScope = batchesInScope(scope);
  if (inScope) {
    const distinct = async (col: typeof batches.originCountry | typeof batches.warehouse) =>
      (
        await db
          .selectDistinct({ v: col })
          .from(batches)
          .where(and(inScope, isNotNull(col)))
          .orderBy(col)
      ).map((r) => r.v as string);
    return { origins: await distinct(batches.originCountry), warehouses: await distinct(batches.warehouse) };
  }
  const counts = await readCounts(db, ["origin_country", "warehouse"]);
  const values = (dimension: string) =>
    Object.keys(counts[dimension] ?? {})
      .filter((v) => v !== "none")
      .sort();
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
