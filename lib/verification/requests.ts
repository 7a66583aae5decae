// Verification requests: someone asks for a batch to be counted; a verifier records the count,
// which is compared with the chain's quantity read at that moment and with the off-chain record.
// Approved within the tolerance; otherwise rejected, with the discrepancy kept and an alert raised.
import "server-only";

import { and, desc, eq, ilike, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { raiseAlert } from "@/lib/alerts/raise";
import { beforeCursor, pageByIdDesc } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { actorOf } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import { everything, type Scope } from "@/lib/auth/scope";
import { findBatch, readOnchain } from "@/lib/batches/get";
import { batchesInScope } from "@/lib/batches/scope";
import type { ChainHandle } from "@/lib/chain/server";
import { gramsToKg, kgToGrams, pctToThousandths, thousandthsToPct } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { batches, users, verificationRequests } from "@/lib/db/schema";

import type { RequestListQuery } from "./schemas";

const requester = alias(users, "requester");
const processor = alias(users, "processor");

type Row = {
  request: typeof verificationRequests.$inferSelect;
  batchCode: string;
  requestedBy: string | null;
  processedBy: string | null;
};

function toRequestJson({ request: r, batchCode, requestedBy, processedBy }: Row) {
  return {
    id: r.id,
    batch_id: r.batchId,
    batch_code: batchCode,
    status: r.status,
    notes: r.notes,
    requested_by: requestedBy,
    offchain_quantity_kg: r.offchainQuantityKg,
    onchain_quantity_kg: r.onchainQuantityKg,
    actual_quantity_kg: r.actualQuantityKg,
    discrepancy_kg: r.discrepancyKg,
    discrepancy_pct: r.discrepancyPct,
    tolerance_pct: r.tolerancePct,
    decision_reason: r.decisionReason,
    process_notes: r.processNotes,
    processed_by: processedBy,
    processed_at: r.processedAt?.toISOString() ?? null,
    created_at: r.createdAt.toISOString(),
  };
}

export type RequestJson = ReturnType<typeof toRequestJson>;

const columns = {
  request: verificationRequests,
  batchCode: batches.batchCode,
  requestedBy: requester.email,
  processedBy: processor.email,
};

function select(db: Db) {
  return db
    .select(columns)
    .from(verificationRequests)
    .innerJoin(batches, eq(batches.id, verificationRequests.batchId))
    .leftJoin(requester, eq(requester.id, verificationRequests.requestedBy))
    .leftJoin(processor, eq(processor.id, verificationRequests.processedBy));
}

const userIdOf = (caller: Caller) => (caller.kind === "user" ? caller.user.id : null);

/** Why the batch cannot be counted (its coffee is gone or past its date), or null when it can. */
export function whyNotCountable(
  batch: { batchCode: string; status: string; expiryDate: string },
  today: string,
): string | null {
  if (batch.status === "redeemed")
    return `Batch ${batch.batchCode} is redeemed: its coffee has left the warehouse, so there is nothing to count.`;
  if (batch.status === "expired" || batch.expiryDate < today)
    return `Batch ${batch.batchCode} expired on ${batch.expiryDate}: an expired batch is not counted.`;
  return null;
}

/**
 * A pending request for the batch: a new one (isNew), or the one already waiting. A verified batch
 * stays verified until the count decides; an unverified or failed one becomes pending.
 */
export async function requestVerification(
  db: Db,
  batchId: number,
  notes: string | undefined,
  caller: Caller,
  /** The request's time (the database's clock when absent); the demo's past passes its own. */
  now?: Date,
): Promise<{ request: RequestJson; isNew: boolean }> {
  const batch = await findBatch(db, batchId, { minted: true });
  const refusal = whyNotCountable(batch, (now ?? new Date()).toISOString().slice(0, 10));
  if (refusal) throw new ApiError("rule_broken", refusal);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(verificationRequests)
      .values({ batchId, notes: notes ?? null, requestedBy: userIdOf(caller), ...(now && { createdAt: now }) })
      .onConflictDoNothing({ target: verificationRequests.batchId, where: eq(verificationRequests.status, "pending") })
      .returning();
    if (!row) return null;
    const verificationStatus = batch.verificationStatus === "verified" ? "verified" : "pending";
    if (verificationStatus !== batch.verificationStatus)
      await tx.update(batches).set({ verificationStatus, updatedAt: new Date() }).where(eq(batches.id, batchId));
    await recordAudit(tx, {
      entity: "verification_request",
      entityId: row.id,
      batchId,
      action: "verification.requested",
      actor: actorOf(caller),
      before: { verification_status: batch.verificationStatus },
      after: { verification_status: verificationStatus },
      note: notes,
    });
    return row.id;
  });
  const [row] = await select(db).where(
    created
      ? eq(verificationRequests.id, created)
      : and(eq(verificationRequests.batchId, batchId), eq(verificationRequests.status, "pending")),
  );
  // The waiting request was processed between our insert and this read: ask again.
  if (!row) return requestVerification(db, batchId, notes, caller, now);
  return { request: toRequestJson(row), isNew: created !== null };
}

/** A batch's requests; 404 for a batch that does not exist (the route has already answered 404 for one outside the caller's scope). */
export async function listBatchRequests(db: Db, batchId: number, q: RequestListQuery) {
  await findBatch(db, batchId);
  return listRequests(db, { ...q, batch_id: batchId }, everything);
}

/** The requests of batches in `scope`. */
export async function listRequests(
  db: Db,
  q: RequestListQuery,
  scope: Scope,
): Promise<{ data: RequestJson[]; next_cursor: string | null }> {
  const where: (SQL | undefined)[] = [
    batchesInScope(scope),
    beforeCursor(verificationRequests.id, q.cursor || undefined),
  ];
  if (q.status) where.push(inArray(verificationRequests.status, q.status));
  if (q.batch_id) where.push(eq(verificationRequests.batchId, q.batch_id));
  if (q.batch_code)
    where.push(
      ilike(
        batches.batchCode,
        q.batch_code.replace(/[\\%_]/g, (c) => `\\${c}`),
      ),
    );
  const rows = await select(db)
    .where(and(...where))
    .orderBy(desc(verificationRequests.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.request.id, toRequestJson);
}

const signed = (grams: bigint) => (grams < 0n ? `-${gramsToKg(-grams)}` : gramsToKg(grams));

/** The decision, in exact integers: grams, and thousandths of a percent. */
export function judgeCount(onchainGrams: bigint, offchainKg: string, actualKg: string, tolerancePct: string) {
  const difference = kgToGrams(actualKg) - onchainGrams;
  const off = difference < 0n ? -difference : difference;
  // Compared cross-multiplied, so 0.5001% is beyond a 0.5% tolerance even though it shows as 0.500%.
  const beyond = (thousandths: bigint) => off * 100_000n > thousandths * onchainGrams;
  const pct = onchainGrams === 0n ? (off === 0n ? 0n : 100_000n) : (off * 100_000n) / onchainGrams;
  const records = kgToGrams(offchainKg) === onchainGrams;
  const within = !beyond(pctToThousandths(tolerancePct));
  const reason = !records
    ? `The off-chain record says ${offchainKg} kg but the chain says ${gramsToKg(onchainGrams)} kg.`
    : within
      ? `Counted ${actualKg} kg against ${gramsToKg(onchainGrams)} kg on chain: ${thousandthsToPct(pct)}% apart, within the ${tolerancePct}% tolerance.`
      : `Counted ${actualKg} kg against ${gramsToKg(onchainGrams)} kg on chain: more than the ${tolerancePct}% tolerance apart (${signed(kgToGrams(actualKg) - onchainGrams)} kg).`;
  const severity = beyond(5_000n) ? "critical" : beyond(2_000n) ? "high" : "medium";
  return {
    isApproved: records && within,
    discrepancyKg: signed(difference),
    discrepancyPct: thousandthsToPct(pct),
    reason,
    severity,
  } as const;
}

/**
 * Records the count. The chain is read first (outside the transaction); then the request row is
 * locked, so of two verifiers processing it at once exactly one is applied and the other gets 409.
 */
export async function processRequest(
  db: Db,
  chain: ChainHandle,
  requestId: number,
  input: { actual_quantity: string; notes?: string },
  tolerancePct: string,
  caller: Caller,
  now = new Date(),
): Promise<RequestJson> {
  const [found] = await db.select().from(verificationRequests).where(eq(verificationRequests.id, requestId));
  if (!found) throw new ApiError("not_found", `Verification request ${requestId} does not exist.`);
  if (found.status !== "pending")
    throw new ApiError("conflict", `Verification request ${requestId} was already ${found.status}.`);
  const batch = await findBatch(db, found.batchId, { minted: true });
  const onchain = await readOnchain(chain, BigInt(batch.tokenId!)).catch((error: Error) => {
    throw new ApiError(
      "chain_unreachable",
      `The chain could not be read, so nothing was recorded: ${error.message.split("\n")[0]}`,
    );
  });
  const onchainGrams = kgToGrams(onchain.quantity_kg);
  const decision = judgeCount(onchainGrams, batch.quantityKg, input.actual_quantity, tolerancePct);
  const actor = actorOf(caller);

  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(verificationRequests)
      .where(eq(verificationRequests.id, requestId))
      .for("update");
    if (locked.status !== "pending")
      throw new ApiError(
        "conflict",
        `Verification request ${requestId} was already ${locked.status}, by someone else just now.`,
      );
    // The batch as it is now, locked, so a full verification running at the same time cannot interleave.
    const [current] = await tx
      .select({ verificationStatus: batches.verificationStatus })
      .from(batches)
      .where(eq(batches.id, batch.id))
      .for("update");
    const status = decision.isApproved ? "approved" : "rejected";
    await tx
      .update(verificationRequests)
      .set({
        status,
        offchainQuantityKg: batch.quantityKg,
        onchainQuantityKg: onchain.quantity_kg,
        actualQuantityKg: input.actual_quantity,
        discrepancyKg: decision.discrepancyKg,
        discrepancyPct: decision.discrepancyPct,
        tolerancePct,
        decisionReason: decision.reason,
        processNotes: input.notes ?? null,
        processedBy: userIdOf(caller),
        processedAt: now,
      })
      .where(eq(verificationRequests.id, requestId));
    const verificationStatus = decision.isApproved ? "verified" : "failed";
    await tx.update(batches).set({ verificationStatus, updatedAt: new Date() }).where(eq(batches.id, batch.id));
    await recordAudit(tx, {
      entity: "verification_request",
      entityId: requestId,
      batchId: batch.id,
      action: `verification.${status}`,
      actor,
      before: { status: "pending", verification_status: current.verificationStatus },
      after: {
        status,
        verification_status: verificationStatus,
        actual_quantity_kg: input.actual_quantity,
        onchain_quantity_kg: onchain.quantity_kg,
        discrepancy_kg: decision.discrepancyKg,
        discrepancy_pct: decision.discrepancyPct,
      },
      note: input.notes,
    });
    if (!decision.isApproved) {
      await raiseAlert(
        tx,
        {
          batchId: batch.id,
          type: "quantity_discrepancy",
          severity: decision.severity,
          source: `verification_request:${requestId}`,
          message: decision.reason,
          details: {
            request_id: requestId,
            discrepancy_kg: decision.discrepancyKg,
            discrepancy_pct: decision.discrepancyPct,
          },
        },
        actor,
        now,
      );
    }
  });
  const [row] = await select(db).where(eq(verificationRequests.id, requestId));
  return toRequestJson(row);
}
