// A full verification of one batch: quantity, metadata, dates, quality and fraud risk, each a
// named check with what was seen. All passing sets the batch verified; any failing, failed. A check
// that could not be made (no quality check yet) fails nothing: the run is incomplete and the status
// stays. A count still pending is never overridden: the count decides, the run only reports.
import "server-only";

import { and, desc, eq, sql } from "drizzle-orm";
import type { Hex } from "viem";

import { raiseAlert } from "@/lib/alerts/raise";
import { ApiError } from "@/lib/api/errors";
import { actorOf } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import { differingColumns, metadataColumns } from "@/lib/batches/from-chain";
import { findBatch, readOnchain } from "@/lib/batches/get";
import { decodeMetadata } from "@/lib/batches/metadata";
import type { ChainHandle } from "@/lib/chain/server";
import type { Db, Tx } from "@/lib/db";
import { batches, qualityChecks, verificationRequests } from "@/lib/db/schema";
import { humanize } from "@/lib/format";
import { assessFraud } from "@/lib/fraud/assess";

/** `isMissing`: the check could not be made (nothing to judge), which is neither a pass nor a failure. */
export type Check = {
  name: "quantity" | "metadata" | "dates" | "quality" | "fraud";
  passed: boolean;
  isMissing?: boolean;
  detail: string;
};
export type Outcome = "passed" | "failed" | "incomplete";

/** Failed when a check failed; incomplete when none failed but one could not be made; else passed. */
export function outcomeOf(checks: Check[]): Outcome {
  if (checks.some((c) => !c.passed && !c.isMissing)) return "failed";
  return checks.some((c) => c.isMissing) ? "incomplete" : "passed";
}

/** A fraud score at or above this fails the verification. */
export const fraudThreshold = 50;

export async function verifyBatch(db: Db | Tx, chain: ChainHandle, batchId: number, caller: Caller) {
  const found = await findBatch(db, batchId, { minted: true });
  const onchain = await readOnchain(chain, BigInt(found.tokenId!)).catch((error: Error) => {
    throw new ApiError(
      "chain_unreachable",
      `The chain could not be read, so nothing was verified: ${error.message.split("\n")[0]}`,
    );
  });
  const actor = actorOf(caller);

  // One transaction with the batch locked: the fraud assessment, the status and the audit record
  // commit together, and a verification request processed at the same time waits its turn.
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(batches).where(eq(batches.id, batchId)).for("update");
    const checks: Check[] = [];
    checks.push(
      onchain.quantity_kg === batch.quantityKg
        ? { name: "quantity", passed: true, detail: `${batch.quantityKg} kg off chain and on chain.` }
        : {
            name: "quantity",
            passed: false,
            detail: `The off-chain record says ${batch.quantityKg} kg; the chain says ${onchain.quantity_kg} kg.`,
          },
    );

    let metadata: Check;
    try {
      const decoded = decodeMetadata(batch.metadataUri ?? "", onchain.metadata_hash as Hex);
      const differ = differingColumns(metadataColumns(decoded), batch);
      metadata = differ.length
        ? {
            name: "metadata",
            passed: false,
            detail: `The off-chain record differs from the metadata the chain's hash commits to in: ${differ.join(", ")}.`,
          }
        : {
            name: "metadata",
            passed: true,
            detail: `The record matches the metadata hash on chain (${onchain.metadata_hash.slice(0, 10)}…).`,
          };
    } catch (error) {
      metadata = { name: "metadata", passed: false, detail: (error as Error).message };
    }
    checks.push(metadata);

    const [{ today }] = (await tx.execute(sql`select current_date::text as today`)).rows as { today: string }[];
    const dateProblems = [
      batch.expiryDate <= batch.productionDate &&
        `expiry ${batch.expiryDate} is not after production ${batch.productionDate}`,
      batch.expiryDate < today && `it expired on ${batch.expiryDate}`,
      onchain.expiry_date !== batch.expiryDate && `the chain's expiry is ${onchain.expiry_date}`,
      onchain.production_date !== batch.productionDate && `the chain's production date is ${onchain.production_date}`,
    ].filter(Boolean);
    checks.push(
      dateProblems.length
        ? { name: "dates", passed: false, detail: `Dates: ${dateProblems.join("; ")}.` }
        : { name: "dates", passed: true, detail: `Produced ${batch.productionDate}, expires ${batch.expiryDate}.` },
    );

    const [quality] = await tx
      .select()
      .from(qualityChecks)
      .where(eq(qualityChecks.batchId, batchId))
      .orderBy(desc(qualityChecks.id))
      .limit(1);
    checks.push(
      !quality
        ? {
            name: "quality",
            passed: false,
            isMissing: true,
            detail: "No quality check is recorded for this batch yet: record one, then run the verification again.",
          }
        : quality.grade === "below_standard"
          ? {
              name: "quality",
              passed: false,
              detail: `The latest quality check (#${quality.id}) grades it below standard.`,
            }
          : {
              name: "quality",
              passed: true,
              detail: `The latest quality check (#${quality.id}) grades it ${humanize(quality.grade)}.`,
            },
    );

    const fraud = await assessFraud(tx, batchId, actor, caller.kind === "user" ? caller.user.id : undefined);
    checks.push(
      fraud.score < fraudThreshold
        ? { name: "fraud", passed: true, detail: `Fraud risk ${fraud.score}/100.` }
        : { name: "fraud", passed: false, detail: `Fraud risk ${fraud.score}/100 (${fraudThreshold} or more fails).` },
    );

    const outcome = outcomeOf(checks);
    const passed = outcome === "passed";
    const [pendingCount] = await tx
      .select({ id: verificationRequests.id })
      .from(verificationRequests)
      .where(and(eq(verificationRequests.batchId, batchId), eq(verificationRequests.status, "pending")))
      .limit(1);
    const verificationStatus =
      pendingCount || outcome === "incomplete" ? batch.verificationStatus : passed ? "verified" : "failed";
    if (verificationStatus !== batch.verificationStatus)
      await tx.update(batches).set({ verificationStatus, updatedAt: new Date() }).where(eq(batches.id, batchId));
    await recordAudit(tx, {
      entity: "batch",
      entityId: batchId,
      batchId,
      action: `verification.${outcome}`,
      actor,
      before: { verification_status: batch.verificationStatus },
      after: { verification_status: verificationStatus, checks },
    });
    if (!metadata.passed)
      await raiseAlert(
        tx,
        {
          batchId,
          type: "metadata_mismatch",
          severity: "high",
          source: `metadata:${onchain.metadata_hash}`,
          message: metadata.detail,
        },
        actor,
      );
    const note = pendingCount
      ? `A count is pending (request #${pendingCount.id}); it decides the status, so this run left it ${verificationStatus}.`
      : outcome === "incomplete"
        ? `Not every check could be made, so the status stays ${verificationStatus}.`
        : null;
    return {
      batch_id: batchId,
      verification_status: verificationStatus,
      outcome,
      passed,
      note,
      checks,
      fraud_assessment: fraud,
      onchain_verified: onchain.is_verified,
    };
  });
}
