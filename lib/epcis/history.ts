// A batch's history as EPCIS sees it, read from the tables that record it: the stock ledger (mint,
// transfers, warehouse moves, adjustments, shipments, returns' intake, redemptions), quality checks,
// verified counts, returns' inspections, and expiry on chain. Each record keeps the row it came from.
import "server-only";

import { and, asc, eq, gte, inArray, isNotNull, lt, notInArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgSelect } from "drizzle-orm/pg-core";

import type { Db } from "@/lib/db";
import { bookingTypes } from "@/lib/db/enums";
import {
  batches,
  blockchainEvents,
  orderLines,
  qualityChecks,
  returns,
  shipments,
  stockMovements,
  verificationRequests,
} from "@/lib/db/schema";

export type HistoryBatch = { id: number; batchCode: string; originCountry: string; chainId: number };

/** `order`: what orders records recorded at the same moment (one indexer run): the chain event, then the row. */
type Base = { batch: HistoryBatch; at: Date; record: string; order: [number, number] };
export type Movement = Base & {
  kind: "movement";
  type: (typeof stockMovements.$inferSelect)["type"];
  grams: bigint;
  fromHolder: string | null;
  toHolder: string | null;
  fromWarehouse: string | null;
  toWarehouse: string | null;
  reason: string | null;
  txHash: string | null;
  /** The shipping wallet's transaction this was, if any: an order's shipment, a return's intake or disposal. */
  shipment: { purpose: string; orderId: number; returnId: number | null } | null;
};
export type QualityRecord = Base & {
  kind: "quality_check";
  grade: string;
  cuppingScore: string;
  moisturePct: string;
  primaryDefects: number;
  secondaryDefects: number;
  fullDefects: string;
  rulesVersion: string;
};
export type CountRecord = Base & {
  kind: "verification";
  isApproved: boolean;
  countedKg: string | null;
  onchainKg: string | null;
  discrepancyKg: string | null;
};
export type ReturnInspection = Base & {
  kind: "return_inspection";
  returnId: number;
  grams: bigint;
  warehouse: string | null;
  grade: string | null;
  isContaminated: boolean | null;
};
export type Expiry = Base & { kind: "expiry" };
export type HistoryRecord = Movement | QualityRecord | CountRecord | ReturnInspection | Expiry;

/** Which batches (a where-clause on batches), over which times (from inclusive, to exclusive), at most how many records. */
export type HistoryQuery = { where: SQL | undefined; from?: Date; to?: Date; limit: number };

const batchColumns = {
  id: batches.id,
  batchCode: batches.batchCode,
  originCountry: batches.originCountry,
  chainId: batches.chainId,
};

const inRange = (column: SQL | Parameters<typeof gte>[0], q: HistoryQuery) =>
  [q.from && gte(column, q.from), q.to && lt(column, q.to)].filter((c): c is SQL => !!c);

/** A source's rows of the batches and times the query asks for (`at` the time, `id` the tie-break), oldest first. */
const oldestFirst = <S extends PgSelect>(select: S, at: PgColumn, id: PgColumn, q: HistoryQuery, ...where: SQL[]) =>
  select
    .where(and(q.where, ...where, ...inRange(at, q)))
    .orderBy(asc(at), asc(id))
    .limit(q.limit);

async function movements(db: Db, q: HistoryQuery): Promise<Movement[]> {
  const select = db
    .select({
      batch: batchColumns,
      id: stockMovements.id,
      eventId: stockMovements.eventId,
      type: stockMovements.type,
      quantity: stockMovements.quantity,
      fromHolder: stockMovements.fromHolder,
      toHolder: stockMovements.toHolder,
      fromWarehouse: stockMovements.fromWarehouse,
      toWarehouse: stockMovements.toWarehouse,
      reason: stockMovements.reason,
      txHash: stockMovements.txHash,
      at: stockMovements.occurredAt,
      purpose: shipments.purpose,
      orderId: orderLines.orderId,
      returnId: shipments.returnId,
    })
    .from(stockMovements)
    .innerJoin(batches, and(eq(batches.chainId, stockMovements.chainId), eq(batches.tokenId, stockMovements.tokenId)))
    .leftJoin(shipments, eq(shipments.txHash, stockMovements.txHash))
    .leftJoin(orderLines, eq(orderLines.id, shipments.orderLineId));
  const unbooked = notInArray(stockMovements.type, [...bookingTypes]);
  const rows = await oldestFirst(select.$dynamic(), stockMovements.occurredAt, stockMovements.id, q, unbooked);
  return rows.map((r) => ({
    kind: "movement",
    batch: r.batch,
    at: r.at,
    record: `stock_movements/${r.id}`,
    order: [r.eventId ?? 0, r.id],
    type: r.type,
    grams: BigInt(r.quantity),
    fromHolder: r.fromHolder,
    toHolder: r.toHolder,
    fromWarehouse: r.fromWarehouse || null,
    toWarehouse: r.toWarehouse || null,
    reason: r.reason,
    txHash: r.txHash,
    shipment: r.purpose && r.orderId ? { purpose: r.purpose, orderId: r.orderId, returnId: r.returnId } : null,
  }));
}

async function checks(db: Db, q: HistoryQuery): Promise<QualityRecord[]> {
  const select = db
    .select({ batch: batchColumns, check: qualityChecks })
    .from(qualityChecks)
    .innerJoin(batches, eq(batches.id, qualityChecks.batchId));
  const rows = await oldestFirst(select.$dynamic(), qualityChecks.createdAt, qualityChecks.id, q);
  return rows.map(({ batch, check: c }) => ({
    kind: "quality_check",
    batch,
    at: c.createdAt,
    record: `quality_checks/${c.id}`,
    order: [0, c.id],
    grade: c.grade,
    cuppingScore: c.cuppingScore,
    moisturePct: c.moisturePct,
    primaryDefects: c.primaryDefects,
    secondaryDefects: c.secondaryDefects,
    fullDefects: c.fullDefects,
    rulesVersion: c.rulesVersion,
  }));
}

const counted = inArray(verificationRequests.status, ["approved", "rejected"]);

async function counts(db: Db, q: HistoryQuery): Promise<CountRecord[]> {
  const select = db
    .select({ batch: batchColumns, request: verificationRequests })
    .from(verificationRequests)
    .innerJoin(batches, eq(batches.id, verificationRequests.batchId));
  const at = verificationRequests.processedAt;
  const rows = await oldestFirst(select.$dynamic(), at, verificationRequests.id, q, counted, isNotNull(at));
  return rows.map(({ batch, request: r }) => ({
    kind: "verification",
    batch,
    at: r.processedAt!,
    record: `verification_requests/${r.id}`,
    order: [0, r.id],
    isApproved: r.status === "approved",
    countedKg: r.actualQuantityKg,
    onchainKg: r.onchainQuantityKg,
    discrepancyKg: r.discrepancyKg,
  }));
}

async function inspections(db: Db, q: HistoryQuery): Promise<ReturnInspection[]> {
  const select = db
    .select({ batch: batchColumns, ret: returns })
    .from(returns)
    .innerJoin(batches, eq(batches.id, returns.batchId));
  const rows = await oldestFirst(select.$dynamic(), returns.inspectedAt, returns.id, q, isNotNull(returns.inspectedAt));
  return rows.map(({ batch, ret: r }) => ({
    kind: "return_inspection",
    batch,
    at: r.inspectedAt!,
    record: `returns/${r.id}/inspection`,
    order: [0, r.id],
    returnId: r.id,
    grams: BigInt(r.quantity),
    warehouse: r.warehouse,
    grade: r.grade,
    isContaminated: r.contaminated,
  }));
}

/**
 * A batch marked expired on chain (BatchExpired), at its block's time: the clock of the stock ledger's
 * times, which are their blocks' too.
 */
async function expiries(db: Db, q: HistoryQuery): Promise<Expiry[]> {
  const at = blockchainEvents.blockTime;
  const select = db
    .select({ batch: batchColumns, id: blockchainEvents.id, at })
    .from(blockchainEvents)
    .innerJoin(
      batches,
      and(eq(batches.chainId, blockchainEvents.chainId), eq(batches.tokenId, blockchainEvents.tokenId)),
    );
  const expired = [eq(blockchainEvents.name, "BatchExpired"), eq(blockchainEvents.status, "processed")];
  const rows = await oldestFirst(select.$dynamic(), at, blockchainEvents.id, q, ...expired);
  return rows.map((r) => ({
    kind: "expiry",
    batch: r.batch,
    at: r.at,
    record: `blockchain_events/${r.id}`,
    order: [r.id, 0],
  }));
}

/** Every record the query matches, oldest first; more than `limit` means the caller asked for too much. */
export async function listHistory(db: Db, q: HistoryQuery): Promise<HistoryRecord[]> {
  const all = (
    await Promise.all([movements(db, q), checks(db, q), counts(db, q), inspections(db, q), expiries(db, q)])
  ).flat();
  return all.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      a.order[0] - b.order[0] ||
      a.order[1] - b.order[1] ||
      a.record.localeCompare(b.record),
  );
}
