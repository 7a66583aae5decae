// Returns: requested against a delivered order line (never more than the line shipped, however many
// requests arrive at once), listed and read within the caller's scope. A buyer's members see their
// organisation's returns; the operating company's staff see all.
import "server-only";

import { and, desc, eq, ne, sql, type SQL } from "drizzle-orm";

import { beforeCursor, everyPage, pageByIdDesc } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { filterBy } from "@/lib/api/filters";
import { entityHistory } from "@/lib/audit/history";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { ownedInScope } from "@/lib/batches/scope";
import { gramsToKg, kgToGrams } from "@/lib/chain/units";
import type { Db, Tx } from "@/lib/db";
import { oneRow } from "@/lib/db/one-row";
import { batches, orderLines, orders, organisations, returnFiles, returns, shipments } from "@/lib/db/schema";
import { transactionJson } from "@/lib/orders/orders";
import { readFileRow } from "@/lib/storage/files";
import { checkFiles, withSavedFiles, type UploadedFile } from "@/lib/storage/form";

import type { Recommendation } from "./recommend";
import type { NewReturn, ReturnQuery } from "./schemas";

type Return = typeof returns.$inferSelect;

/** The returns a scope sees: all for staff, its own for a buyer's members, none for anyone else. */
const returnsInScope = (scope: Scope) => ownedInScope(scope, returns.buyerId);

/** A return outside the scope is answered as missing. */
export async function getReturnRow(db: Db | Tx, scope: Scope, id: number, lock = false): Promise<Return> {
  const inScope = and(eq(returns.id, id), returnsInScope(scope));
  return oneRow(db.select().from(returns).where(inScope), lock, `Return ${id} does not exist.`);
}

/**
 * The line, its order and its shipment, with the line row locked: requests for one line wait for
 * each other, so what they return together never passes what it shipped.
 */
async function returnableLine(tx: Tx, scope: Scope, lineId: number) {
  const [row] = await tx
    .select({ line: orderLines, order: orders, grade: batches.qualityGrade, code: batches.batchCode })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(batches, eq(batches.id, orderLines.batchId))
    .where(and(eq(orderLines.id, lineId), ownedInScope(scope, orders.buyerId)))
    .for("update", { of: orderLines });
  if (!row)
    throw new ApiError("rule_broken", `order_line_id: order line ${lineId} does not exist.`, [
      { path: "order_line_id", message: "no such order line" },
    ]);
  if (row.order.status !== "delivered")
    throw new ApiError(
      "conflict",
      `Order ${row.order.id} is ${row.order.status}: only a delivered order's lines can be returned.`,
      { status: row.order.status },
    );
  const [shipment] = await tx
    .select({ method: shipments.method })
    .from(shipments)
    .where(and(eq(shipments.orderLineId, lineId), eq(shipments.purpose, "order"), eq(shipments.status, "indexed")));
  if (shipment?.method !== "transfer")
    throw new ApiError(
      "rule_broken",
      `Batch ${row.code} was delivered by redemption (the buyer has no delivery wallet): its tokens were burned, so there is nothing to send back on chain.`,
    );
  return row;
}

/** Grams of the line already returned or on their way back (every return not rejected). */
export async function returnedOf(tx: Db | Tx, lineId: number): Promise<bigint> {
  const [row] = await tx
    .select({ g: sql<string>`coalesce(sum(${returns.quantity}), 0)::text` })
    .from(returns)
    .where(and(eq(returns.orderLineId, lineId), ne(returns.status, "rejected")));
  return BigInt(row.g);
}

export async function createReturn(
  db: Db,
  scope: Scope,
  input: NewReturn,
  files: UploadedFile[],
  by: { actor: Actor; userId: number | null },
): Promise<number> {
  const photos = checkFiles(files, ["photo"]);
  return withSavedFiles(photos, () =>
    db.transaction(async (tx) => {
      const { line, order, grade } = await returnableLine(tx, scope, input.order_line_id);
      const grams = kgToGrams(input.quantity_kg);
      const shipped = BigInt(line.quantity);
      const returned = await returnedOf(tx, line.id);
      if (returned + grams > shipped)
        throw new ApiError(
          "rule_broken",
          `quantity_kg: ${gramsToKg(shipped)} kg were shipped on this line and ${gramsToKg(returned)} kg are already returned or on their way back, so at most ${gramsToKg(shipped - returned)} kg more can be returned, not ${input.quantity_kg} kg.`,
          {
            shipped_kg: gramsToKg(shipped),
            returned_kg: gramsToKg(returned),
            returnable_kg: gramsToKg(shipped - returned),
          },
        );
      const [row] = await tx
        .insert(returns)
        .values({
          orderId: order.id,
          orderLineId: line.id,
          batchId: line.batchId,
          buyerId: order.buyerId,
          quantity: grams.toString(),
          reason: input.reason,
          note: input.note,
          contractGrade: grade,
          requestedBy: by.userId,
        })
        .returning();
      if (photos.length)
        await tx.insert(returnFiles).values(
          photos.map((p) => ({
            returnId: row.id,
            filename: p.filename,
            contentType: p.contentType,
            sizeBytes: p.bytes.length,
            storageKey: p.key,
          })),
        );
      await recordAudit(tx, {
        entity: "return",
        entityId: row.id,
        batchId: line.batchId,
        action: "return.requested",
        actor: by.actor,
        after: { ...input, photos: photos.map((p) => p.filename) },
      });
      return row.id;
    }),
  );
}

const listColumns = { ret: returns, code: batches.batchCode, buyer: organisations.name };
type ListRow = { ret: Return; code: string; buyer: string };

const summaryJson = ({ ret, code, buyer }: ListRow) => ({
  id: ret.id,
  order_id: ret.orderId,
  order_line_id: ret.orderLineId,
  batch_id: ret.batchId,
  batch_code: code,
  buyer_id: ret.buyerId,
  buyer,
  quantity_kg: gramsToKg(BigInt(ret.quantity)),
  reason: ret.reason,
  status: ret.status,
  disposition: ret.disposition,
  created_at: ret.createdAt.toISOString(),
  updated_at: ret.updatedAt.toISOString(),
});

export type ReturnSummaryJson = ReturnType<typeof summaryJson>;

function filters(scope: Scope, q: Omit<ReturnQuery, "cursor" | "limit">): SQL | undefined {
  return and(
    returnsInScope(scope),
    filterBy(q, {
      status: returns.status,
      reason: returns.reason,
      buyer_id: returns.buyerId,
      order_id: returns.orderId,
      batch_id: returns.batchId,
    }),
  );
}

const joined = (db: Db) =>
  db
    .select(listColumns)
    .from(returns)
    .innerJoin(batches, eq(batches.id, returns.batchId))
    .innerJoin(organisations, eq(organisations.id, returns.buyerId));

export async function listReturns(db: Db, scope: Scope, q: ReturnQuery) {
  const before = beforeCursor(returns.id, q.cursor);
  const rows = await joined(db)
    .where(and(filters(scope, q), before))
    .orderBy(desc(returns.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.ret.id, summaryJson);
}

/** Every return the filters match, newest first (for the CSV). */
export const allReturns = everyPage(listReturns);

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A return with its line's price, photos, the shipping wallet's transactions for it, and history. */
export async function getReturn(db: Db, scope: Scope, id: number) {
  const [row] = await joined(db).where(and(eq(returns.id, id), returnsInScope(scope)));
  if (!row) throw new ApiError("not_found", `Return ${id} does not exist.`);
  const { ret } = row;
  const [line] = await db
    .select({ price: orderLines.pricePerKg, quantity: orderLines.quantity, currency: orders.currency })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orderLines.id, ret.orderLineId));
  const photos = await db.select().from(returnFiles).where(eq(returnFiles.returnId, id)).orderBy(returnFiles.id);
  const sent = await db.select().from(shipments).where(eq(shipments.returnId, id)).orderBy(shipments.id);
  return {
    ...summaryJson(row),
    note: ret.note,
    currency: line.currency,
    price_per_kg: line.price,
    line_quantity_kg: gramsToKg(BigInt(line.quantity)),
    contract_grade: ret.contractGrade,
    warehouse: ret.warehouse,
    inspection: ret.inspection as Record<string, unknown> | null,
    grade: ret.grade,
    grade_reasons: ret.gradeReasons,
    contaminated: ret.contaminated,
    recommendation: ret.recommendation as Recommendation | null,
    overridden: ret.overridden,
    decision_note: ret.decisionNote,
    recovery_value: ret.recoveryValue,
    settlement: ret.settlement,
    refund: ret.refund,
    photos: photos.map((p) => ({
      id: p.id,
      filename: p.filename,
      content_type: p.contentType,
      size_bytes: p.sizeBytes,
      url: `/api/returns/${id}/photos/${p.id}`,
    })),
    transactions: sent.map((s) => ({
      id: s.id,
      purpose: s.purpose,
      ...transactionJson(s),
    })),
    history: await entityHistory(db, "return", id),
    received_at: iso(ret.receivedAt),
    inspected_at: iso(ret.inspectedAt),
    decided_at: iso(ret.decidedAt),
    closed_at: iso(ret.closedAt),
  };
}
export type ReturnJson = Awaited<ReturnType<typeof getReturn>>;

/** A photo of a return in the scope; any other is answered as missing. */
export async function getReturnPhoto(db: Db, scope: Scope, returnId: number, fileId: number) {
  await getReturnRow(db, scope, returnId);
  const [file] = await db
    .select()
    .from(returnFiles)
    .where(and(eq(returnFiles.id, fileId), eq(returnFiles.returnId, returnId)));
  return readFileRow(file, `Photo ${fileId} of return ${returnId} does not exist.`);
}

/** Runs a step of the flow on the return, its row locked meanwhile, and answers the return as it then is. */
export async function actOnReturn(db: Db, scope: Scope, id: number, step: (tx: Tx, ret: Return) => Promise<void>) {
  await db.transaction(async (tx) => step(tx, await getReturnRow(tx, scope, id, true)));
  return getReturn(db, scope, id);
}
