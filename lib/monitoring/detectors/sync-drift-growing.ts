// More and more batches disagree with the chain (out of sync or failing to sync): the drift now,
// against its lowest in the window (collect.ts samples it each run).
import { sql } from "drizzle-orm";

import type { Detector } from "../detector";

export const driftWindowMinutes = 30;
export const driftMinGrowth = 5;
export const driftGrowthShare = 0.01;

export const syncDriftGrowing: Detector = {
  name: "sync_drift_growing",
  alert: "system",
  recommends: "run_sync",
  rule: `The batches out of sync or in error now exceed their lowest count of the last ${driftWindowMinutes} minutes by too many.`,
  threshold: `growth ≥ max(${driftMinGrowth}, ${driftGrowthShare * 100}% of minted batches)`,
  async detect({ db }, now) {
    const since = new Date(now.getTime() - driftWindowMinutes * 60_000);
    const { rows } = await db.execute<{
      now: string | null;
      before: string | null;
      details: Record<string, number> | null;
      minted: string;
    }>(sql`
      with w as (select value, details, taken_at from monitor_samples
        where metric = 'sync_drift' and taken_at > ${since.toISOString()} and taken_at <= ${now.toISOString()})
      select (select value from w order by taken_at desc limit 1)::text as now,
        (select min(value) from w)::text as before,
        (select details from w order by taken_at desc limit 1) as details,
        (select count(*) from batches where token_id is not null)::text as minted`);
    const r = rows[0];
    const minted = Number(r.minted);
    const limit = Math.max(driftMinGrowth, Math.ceil(minted * driftGrowthShare));
    if (r.now === null || r.before === null) return { findings: [], figures: { samples: 0, threshold: limit } };
    const growth = Number(r.now) - Number(r.before);
    const figures = {
      now: Number(r.now),
      before: Number(r.before),
      growth,
      threshold: limit,
      out_of_sync: r.details?.out_of_sync ?? 0,
      error: r.details?.error ?? 0,
    };
    if (growth < limit) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: "sync_drift",
          severity: "medium",
          message: `${growth} more batches disagree with the chain than ${driftWindowMinutes} minutes ago (${r.now} now).`,
          evidence: figures,
        },
      ],
    };
  },
};
