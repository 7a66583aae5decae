// Recommendations as the API and the panel read them, newest first.
import { and, desc } from "drizzle-orm";

import { beforeCursor, pageByIdDesc } from "@/lib/api/cursor";
import { filterBy } from "@/lib/api/filters";
import type { Db } from "@/lib/db";
import { recommendations } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

import type { Factor } from "./kinds";
import { ZRecommendationQuery, type RecommendationQuery } from "./schemas";

export function toRecommendationJson(r: typeof recommendations.$inferSelect) {
  return {
    ...rowJson(r, ["id", "kind", "status", "source", "title"]),
    factors: r.factors as Factor[],
    confidence: Number(r.confidence),
    expected_effect: r.expectedEffect,
    evidence: r.evidence as Record<string, unknown>,
    ...rowJson(r, ["batchId", "endpointId", "alertId", "systemAlertId", "decidedBy", "decidedAt", "decisionNote"]),
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
