// Assesses a batch's fraud risk from what the database knows: gathers the scorer's input, stores the
// assessment with its audit record, and raises a fraud_risk alert when the score is high.
import "server-only";

import { and, desc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";

import { raiseAlert } from "@/lib/alerts/raise";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { findBatch } from "@/lib/batches/get";
import type { Db, Tx } from "@/lib/db";
import { batchAlerts, batches, fraudAssessments, verificationRequests } from "@/lib/db/schema";

import type { FraudFactor } from "./factors";
import { scoreFraud, type FraudInput } from "./score";

export const FRAUD_ALERT_SCORE = 50;
export const FRAUD_CRITICAL_SCORE = 75;
// Enough for a stable median; the origin index serves the most recent ones directly.
const PEER_SAMPLE = 500;
const REQUEST_SAMPLE = 10_000;

type Batch = typeof batches.$inferSelect;
type Assessment = typeof fraudAssessments.$inferSelect;

function toAssessmentJson(a: Assessment, alertId: number | null) {
  return {
    id: a.id,
    batch_id: a.batchId,
    score: a.score,
    model_version: a.modelVersion,
    factors: a.factors as FraudFactor[],
    created_at: a.createdAt.toISOString(),
    alert_id: alertId,
  };
}

export type FraudAssessmentJson = ReturnType<typeof toAssessmentJson>;

/** Rejected verification requests on the other batches matching `where`. */
async function countRejected(tx: Tx, batchId: number, where: SQL): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(verificationRequests)
    .innerJoin(batches, eq(batches.id, verificationRequests.batchId))
    .where(and(eq(verificationRequests.status, "rejected"), ne(batches.id, batchId), where));
  return row.n;
}

async function getFraudInput(tx: Tx, b: Batch, at?: Date): Promise<FraudInput> {
  const nowRows = at
    ? { rows: [{ now: at.toISOString() }] }
    : await tx.execute<{ now: string }>(
        sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`,
      );
  const peers =
    b.pricePerKg === null
      ? []
      : await tx
          .select({ price: batches.pricePerKg })
          .from(batches)
          .where(
            and(
              eq(batches.originCountry, b.originCountry),
              ne(batches.id, b.id),
              isNotNull(batches.tokenId),
              isNotNull(batches.pricePerKg),
            ),
          )
          .orderBy(desc(batches.id))
          .limit(PEER_SAMPLE);
  const [reuse] =
    b.metadataHash === null
      ? [{ n: 0 }]
      : await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(batches)
          .where(and(sql`lower(${batches.metadataHash}) = lower(${b.metadataHash})`, ne(batches.id, b.id)));
  const [verified] = await tx
    .select({ at: verificationRequests.processedAt })
    .from(verificationRequests)
    .where(
      and(
        eq(verificationRequests.batchId, b.id),
        eq(verificationRequests.status, "approved"),
        isNotNull(verificationRequests.processedAt),
      ),
    )
    .orderBy(desc(verificationRequests.processedAt))
    .limit(1);
  const requests = await tx
    .select({ at: verificationRequests.createdAt })
    .from(verificationRequests)
    .where(eq(verificationRequests.batchId, b.id))
    .orderBy(desc(verificationRequests.id))
    .limit(REQUEST_SAMPLE);
  return {
    onchain_quantity_grams: b.onchainQuantity,
    offchain_quantity_kg: b.quantityKg,
    // Both exclude this batch: its own discrepancies are the quantity factor's business.
    operator_discrepancies:
      b.ownerAddress === null
        ? 0
        : await countRejected(tx, b.id, sql`lower(${batches.ownerAddress}) = lower(${b.ownerAddress})`),
    warehouse_discrepancies:
      b.warehouse === null ? 0 : await countRejected(tx, b.id, eq(batches.warehouse, b.warehouse)),
    // Without a price there is nothing to compare, so no peers are offered either.
    price_per_kg: b.pricePerKg ?? "0",
    peer_prices_per_kg: b.pricePerKg === null ? [] : peers.map((p) => p.price!),
    production_date: b.productionDate,
    expiry_date: b.expiryDate,
    harvest_date: b.harvestDate,
    now: nowRows.rows[0].now,
    metadata_hash_reuse_count: reuse.n,
    created_at: b.createdAt.toISOString(),
    verified_at: verified?.at?.toISOString() ?? null,
    verification_requests: requests.map((r) => r.at.toISOString()),
  };
}

/** "quantity mismatch (+25), metadata hash reused (+15)": the factors that scored, highest first. */
function describeTopFactors(factors: FraudFactor[]): string {
  const scored = factors
    .filter((f) => f.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3);
  return scored.map((f) => `${f.name.replaceAll("_", " ")} (+${f.points})`).join(", ");
}

/** Scores the batch and stores the assessment, its audit record and any alert in one transaction. */
export async function assessFraud(
  db: Db | Tx,
  batchId: number,
  actor: Actor,
  userId?: number | null,
  /** The assessment's time (the database's clock when absent); the demo's past passes its own. */
  now?: Date,
): Promise<FraudAssessmentJson> {
  return db.transaction(async (tx) => {
    const batch = await findBatch(tx, batchId, { minted: true });
    const { score, version, factors } = scoreFraud(await getFraudInput(tx, batch, now));
    const [row] = await tx
      .insert(fraudAssessments)
      .values({
        batchId,
        score,
        modelVersion: version,
        factors,
        assessedBy: userId ?? null,
        ...(now && { createdAt: now }),
      })
      .returning();
    await recordAudit(tx, {
      entity: "fraud_assessment",
      entityId: row.id,
      batchId,
      action: "fraud.assessed",
      actor,
      after: { score, model_version: version },
    });
    let alertId: number | null = null;
    if (score >= FRAUD_ALERT_SCORE) {
      alertId = await raiseAlert(
        tx,
        {
          batchId,
          type: "fraud_risk",
          severity: score >= FRAUD_CRITICAL_SCORE ? "critical" : "high",
          // One open alert per model version: assessing a risky batch again does not pile up alerts.
          source: `fraud:${version}`,
          message: `Fraud risk ${score}/100 for batch ${batch.batchCode}: ${describeTopFactors(factors)}.`,
          details: { assessment_id: row.id, score, model_version: version },
        },
        actor,
        now,
      );
    }
    return toAssessmentJson(row, alertId);
  });
}

/** The batch's most recent assessment, with the alert it raised; null when it was never assessed. */
export async function latestAssessment(db: Db | Tx, batchId: number): Promise<FraudAssessmentJson | null> {
  const [found] = await db
    .select({ assessment: fraudAssessments, alertId: batchAlerts.id })
    .from(fraudAssessments)
    .leftJoin(
      batchAlerts,
      and(
        eq(batchAlerts.batchId, fraudAssessments.batchId),
        eq(batchAlerts.type, "fraud_risk"),
        sql`${batchAlerts.details}->>'assessment_id' = ${fraudAssessments.id}::text`,
      ),
    )
    .where(eq(fraudAssessments.batchId, batchId))
    .orderBy(desc(fraudAssessments.id))
    .limit(1);
  return found ? toAssessmentJson(found.assessment, found.alertId) : null;
}
