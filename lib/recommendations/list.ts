// Recommendations as the API and the panel read them, newest first.
import { and, desc } from "drizzle-orm";

import { beforeCursor, pageByIdDesc } from "@/lib/api/cursor";
import { filterBy } from "@/lib/api/filters";
import type { Db } from "@/lib/db";
import { recommendations } from "@/lib/db/schema";

import type { Factor } from "./kinds";
import { ZRecommendationQuery, type RecommendationQuery } from "./schemas";

export function toRecommendationJson(r: typeof recommendations.$inferSelect) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    source: r.source,
    title: r.title,
    factors: r.factors as Factor[],
    confidence: Number(r.confidence),
    expected_effect: r.expectedEffect,
    evidence: r.evidence as Record<string, unknown>,
    batch_id: r.batchId,
    endpoint_id: r.endpointId,
    alert_id: r.alertId,
    system_alert_id: r.systemAlertId,
    decided_by: r.decidedBy,
    decided_at: r.decidedAt?.toISOString() ?? null,
    decision_note: r.decisionNote,
    result: r.result as Record<string, unknown> | null,
    created_at: r.createdAt.toISOString(),
  };
}
export type RecommendationJson = ReturnType<typeof toRecommendationJson>;

export async function listRecommendations(db: Db, query: RecommendationQuery) {
  const q = ZRecommendationQuery.parse(query);
  const before = beforeCursor(recommendations.id, q.cursor);
  const rows = await db
    .select()
    .from(recommendations)
    .where(and(filterBy(q, { status: recommendations.status, kind: recommendations.kind }), before))
    .orderBy(desc(recommendations.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.id, toRecommendationJson);
}
