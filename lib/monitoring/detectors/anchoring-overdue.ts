// Audit records wait too long to be anchored on chain (only where the worker anchors).
import { sql } from "drizzle-orm";

import type { Detector } from "../detector";

export const anchorDueMinutes = 30;

export const anchoringOverdue: Detector = {
  name: "anchoring_overdue",
  alert: "system",
  rule: "The anchorer is configured and the oldest audit record not yet anchored is older than the threshold.",
  threshold: `oldest unanchored record > ${anchorDueMinutes} min old`,
  async detect({ db, isAnchoring }, now) {
    if (!isAnchoring) return { findings: [], figures: { anchoring: "not configured" } };
    const { rows } = await db.execute<{ n: string; oldest: string | null; last_anchor_at: string | null }>(sql`
      with a as (select coalesce(max(to_position), 0) as last, max(confirmed_at) as at from audit_anchors where status = 'confirmed')
      select count(r.*)::text as n, min(r.created_at) as oldest, (select at from a) as last_anchor_at
      from audit_records r where r.position > (select last from a)`);
    const r = rows[0];
    const oldest = r.oldest ? new Date(r.oldest) : null;
    const figures = {
      unanchored_records: Number(r.n),
      oldest_unanchored_at: oldest?.toISOString() ?? null,
      last_anchor_at: r.last_anchor_at ? new Date(r.last_anchor_at).toISOString() : null,
    };
    if (!oldest || now.getTime() - oldest.getTime() <= anchorDueMinutes * 60_000) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: "anchoring",
          severity: "high",
          message: `${r.n} audit records are unanchored, the oldest since ${figures.oldest_unanchored_at}.`,
          evidence: figures,
        },
      ],
    };
  },
};
