// A new, unverified mint priced far from what batches of the same origin cost: a typo or a fraud
// worth a count before it is sold. Robust statistics, so the outlier barely moves its own yardstick.
import { sql } from "drizzle-orm";

import type { Detector } from "../detector";

export const outlierRule = {
  recentDays: 30,
  comparableDays: 180,
  minComparables: 5,
  maxZ: 3.5,
  ratio: [0.5, 2],
} as const;

/** |price − median| / (1.4826 · MAD): how many robust standard deviations away; null when the MAD is 0. */
export function robustZ(price: number, median: number, mad: number): number | null {
  if (mad === 0) return price === median ? 0 : null;
  return Math.abs(price - median) / (1.4826 * mad);
}

type Row = {
  id: number;
  batch_code: string;
  origin: string;
  price: string;
  median: number;
  mad: number;
  comparables: number;
};

export const priceOutlier: Detector = {
  name: "price_outlier",
  alert: "batch",
  recommends: "reverify_batch",
  rule: `An unverified batch minted in the last ${outlierRule.recentDays} days is priced far from the batches of its origin minted in ${outlierRule.comparableDays} days (at least ${outlierRule.minComparables}).`,
  threshold: `robust z > ${outlierRule.maxZ} and price / median outside [${outlierRule.ratio[0]}, ${outlierRule.ratio[1]}]`,
  async detect({ db }, now) {
    const at = now.toISOString();
    const { rows } = await db.execute<Row>(sql`
      with recent as (
        select origin_country, price_per_kg as p from batches
        where token_id is not null and price_per_kg is not null
          and created_at > ${at}::timestamptz - make_interval(days => ${outlierRule.comparableDays}) and created_at <= ${at}::timestamptz),
      med as (select origin_country, count(*)::int as n, percentile_cont(0.5) within group (order by p) as median
        from recent group by origin_country having count(*) >= ${outlierRule.minComparables}),
      mad as (select r.origin_country, percentile_cont(0.5) within group (order by abs(r.p - m.median)) as mad
        from recent r join med m using (origin_country) group by r.origin_country)
      select b.id::int, b.batch_code, b.origin_country as origin, b.price_per_kg::text as price, m.median, d.mad, m.n as comparables
      from batches b join med m using (origin_country) join mad d using (origin_country)
      where b.token_id is not null and b.verification_status <> 'verified' and b.price_per_kg is not null
        and b.created_at > ${at}::timestamptz - make_interval(days => ${outlierRule.recentDays}) and b.created_at <= ${at}::timestamptz
        and (b.price_per_kg > ${outlierRule.ratio[1]} * m.median or b.price_per_kg < ${outlierRule.ratio[0]} * m.median)
      order by b.id`);
    const findings = rows.flatMap((r) => {
      const z = robustZ(Number(r.price), Number(r.median), Number(r.mad));
      if (z !== null && z <= outlierRule.maxZ) return [];
      const ratio = Number(r.price) / Number(r.median);
      return [
        {
          source: `batch:${r.id}`,
          batchId: Number(r.id),
          severity: "high" as const,
          message: `${r.batch_code} is priced at $${r.price}/kg, ${ratio.toFixed(1)}× the median of ${r.comparables} ${r.origin} batches ($${Number(r.median).toFixed(2)}).`,
          evidence: {
            batch_code: r.batch_code,
            origin: r.origin,
            price_per_kg: r.price,
            median: Number(r.median).toFixed(2),
            mad: Number(r.mad).toFixed(2),
            robust_z: z === null ? null : Math.round(z * 100) / 100,
            ratio: Math.round(ratio * 100) / 100,
            comparables: Number(r.comparables),
          },
        },
      ];
    });
    return { findings, figures: { outliers: findings.length } };
  },
};
