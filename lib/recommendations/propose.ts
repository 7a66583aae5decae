// Proposing an action with an alert the monitor raised: one open recommendation per kind and source,
// and one per alert (a decided one is not proposed again while its alert stays open); obsolete once
// the alert clears.
import { and, eq, type SQL } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { recommendations } from "@/lib/db/schema";

import { describe, type RecommendationKind } from "./kinds";

export type Proposal = {
  kind: RecommendationKind;
  source: string;
  evidence: Record<string, unknown>;
  batchId?: number;
  endpointId?: number;
} & ({ alertId: number; systemAlertId?: undefined } | { systemAlertId: number; alertId?: undefined });

const linkedTo = (p: { alertId?: number; systemAlertId?: number }): SQL =>
  p.alertId !== undefined
    ? eq(recommendations.alertId, p.alertId)
    : eq(recommendations.systemAlertId, p.systemAlertId!);

/** The new recommendation's id, or null when its alert already has one or one of its kind and source is open. */
export async function proposeRecommendation(db: Db, p: Proposal): Promise<number | null> {
  const [known] = await db
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(and(eq(recommendations.kind, p.kind), eq(recommendations.source, p.source), linkedTo(p)))
    .limit(1);
  if (known) return null;
  const text = describe(p.kind, p.evidence);
  const [row] = await db
    .insert(recommendations)
    // A link the proposal leaves out (a batch, an endpoint, the other kind of alert) is stored as null.
    .values({ ...p, ...text, confidence: text.confidence.toFixed(3) })
    .onConflictDoNothing({
      target: [recommendations.kind, recommendations.source],
      where: eq(recommendations.status, "open"),
    })
    .returning({ id: recommendations.id });
  return row?.id ?? null;
}

/** Marks the open recommendations of a cleared alert obsolete; returns how many. */
export async function obsoleteRecommendations(db: Db, link: { alertId: number } | { systemAlertId: number }) {
  const rows = await db
    .update(recommendations)
    .set({ status: "obsolete", decidedAt: new Date() })
    .where(and(eq(recommendations.status, "open"), linkedTo(link)))
    .returning({ id: recommendations.id });
  return rows.length;
}
