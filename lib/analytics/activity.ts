// Verification, quality, fraud and alert charts, read from their daily rollups.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { alertTypes, qualityGrades, riskLevels } from "@/lib/db/enums";

import { bucketFor, dimensionFilter, fillPeriods, listPeriods, periodOf, rangeStart } from "./range";
import type { AnalyticsFilters } from "./schemas";
import { bar, columnsOf, line, pct, type ChartTable } from "./table";

const inRange = (f: AnalyticsFilters, start = sql`${f.from}::date`) =>
  sql`day >= ${start} and day <= ${f.to}::date and ${dimensionFilter(f)}`;

type VerificationRow = {
  period: string;
  approved: number;
  rejected: number;
  discrepancy_kg: string;
  discrepancy_pct_sum: string;
};

async function listVerification(db: Db, f: AnalyticsFilters) {
  const bucket = bucketFor(f.from, f.to);
  const [periods, { rows }] = await Promise.all([
    listPeriods(db, f, bucket),
    db.execute<VerificationRow>(sql`
      select ${periodOf(sql`day`, bucket)} as period, sum(approved)::int as approved, sum(rejected)::int as rejected,
        sum(discrepancy_kg)::text as discrepancy_kg, sum(discrepancy_pct)::text as discrepancy_pct_sum
      from analytics_verification_daily where ${inRange(f, rangeStart(bucket, f.from))} group by 1`),
  ]);
  return {
    bucket,
    rows: fillPeriods<Omit<VerificationRow, "period">>(periods, rows, () => ({
      approved: 0,
      rejected: 0,
      discrepancy_kg: "0.000",
      discrepancy_pct_sum: "0",
    })),
  };
}

export async function getVerificationChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const { bucket, rows } = await listVerification(db, f);
  return {
    id: "verification",
    title: "Verification pass rate",
    description: `Verification requests processed each ${bucket}: approved, rejected, and the share approved.`,
    columns: columnsOf(
      ["period", bucket],
      ["approved", "approved"],
      ["rejected", "rejected"],
      ["pass_rate_pct", "pass rate (%)"],
    ),
    rows: rows.map((r) => ({
      period: r.period,
      approved: r.approved,
      rejected: r.rejected,
      pass_rate_pct: pct(r.approved, r.approved + r.rejected),
    })),
    chart: {
      x: "period",
      series: [
        bar("approved", "approved", { stack: "requests" }),
        bar("rejected", "rejected", { stack: "requests" }),
        line("pass_rate_pct", "pass rate", { axis: "right" }),
      ],
      leftUnit: "requests",
      rightUnit: "%",
    },
  };
}

export async function getDiscrepancyChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const { bucket, rows } = await listVerification(db, f);
  const table = rows.map((r) => {
    const n = r.approved + r.rejected;
    return {
      period: r.period,
      requests: n,
      discrepancy_kg: r.discrepancy_kg,
      mean_discrepancy_pct: n ? Math.round((1000 * Number(r.discrepancy_pct_sum)) / n) / 1000 : null,
    };
  });
  return {
    id: "discrepancy",
    title: "Discrepancy trend",
    description: `How far counted quantities were from the records, per ${bucket}: total kilograms off and the mean difference per request.`,
    columns: columnsOf(
      ["period", bucket],
      ["requests", "requests"],
      ["discrepancy_kg", "discrepancy (kg)"],
      ["mean_discrepancy_pct", "mean discrepancy (%)"],
    ),
    rows: table,
    chart: {
      x: "period",
      series: [
        bar("discrepancy_kg", "discrepancy (kg)"),
        line("mean_discrepancy_pct", "mean discrepancy", { axis: "right" }),
      ],
      leftUnit: "kg",
      rightUnit: "%",
    },
  };
}

export async function getQualityChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const { rows } = await db.execute<{ grade: string; checks: number }>(sql`
    select grade, sum(checks)::int as checks from analytics_quality_daily where ${inRange(f)} group by 1`);
  const total = rows.reduce((s, r) => s + r.checks, 0);
  const checksOf = (grade: string) => rows.find((r) => r.grade === grade)?.checks ?? 0;
  return {
    id: "quality_grades",
    title: "Quality grade distribution",
    description: "Quality checks recorded in the range, by SCA grade.",
    columns: columnsOf(["grade", "grade"], ["checks", "checks"], ["share_pct", "share (%)"]),
    rows: qualityGrades.map((grade) => ({ grade, checks: checksOf(grade), share_pct: pct(checksOf(grade), total) })),
    chart: { x: "grade", series: [bar("checks", "checks")], leftUnit: "checks" },
  };
}

export async function getFraudRiskChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const { rows } = await db.execute<{ level: string; n: number; score_sum: string }>(sql`
    select risk_level as level, sum(assessments)::int as n, sum(score_sum)::text as score_sum from analytics_fraud_daily where ${inRange(f)} group by 1`);
  const total = rows.reduce((s, r) => s + r.n, 0);
  return {
    id: "fraud_risk",
    title: "Fraud risk distribution",
    description: "Fraud assessments made in the range, by risk level (low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical).",
    columns: columnsOf(
      ["risk_level", "risk level"],
      ["assessments", "assessments"],
      ["share_pct", "share (%)"],
      ["mean_score", "mean score"],
    ),
    rows: riskLevels.map((level) => {
      const r = rows.find((x) => x.level === level);
      const n = r?.n ?? 0;
      return {
        risk_level: level,
        assessments: n,
        share_pct: pct(n, total),
        mean_score: n ? Math.round((10 * Number(r!.score_sum)) / n) / 10 : null,
      };
    }),
    chart: {
      x: "risk_level",
      series: [bar("assessments", "assessments")],
      leftUnit: "assessments",
    },
  };
}

export async function getFraudFactorsChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const [{ rows }, { rows: totals }] = await Promise.all([
    db.execute<{ factor: string; hits: number; points: string }>(sql`
      select factor, sum(hits)::int as hits, sum(points)::text as points from analytics_fraud_factors_daily where ${inRange(f)} group by 1 order by 2 desc, 1 limit 10`),
    db.execute<{ n: number }>(
      sql`select coalesce(sum(assessments), 0)::int as n from analytics_fraud_daily where ${inRange(f)}`,
    ),
  ]);
  return {
    id: "fraud_factors",
    title: "Top fraud factors",
    description: "The factors that added points to fraud assessments in the range, most frequent first.",
    columns: columnsOf(
      ["factor", "factor"],
      ["hits", "assessments it scored in"],
      ["share_pct", "share of assessments (%)"],
      ["mean_points", "mean points"],
    ),
    rows: rows.map((r) => ({
      factor: r.factor,
      hits: r.hits,
      share_pct: pct(r.hits, totals[0].n),
      mean_points: Math.round((10 * Number(r.points)) / r.hits) / 10,
    })),
    chart: { x: "factor", series: [bar("hits", "assessments")], isVertical: true },
    note: rows.length ? undefined : "No fraud factor scored in this range.",
  };
}

export async function getAlertsChart(db: Db, f: AnalyticsFilters): Promise<ChartTable> {
  const bucket = bucketFor(f.from, f.to);
  const [periods, { rows }] = await Promise.all([
    listPeriods(db, f, bucket),
    db.execute<{ period: string; opened: number; resolved: number }>(sql`
      select ${periodOf(sql`day`, bucket)} as period, sum(opened)::int as opened, sum(resolved)::int as resolved
      from analytics_alerts_daily where ${inRange(f, rangeStart(bucket, f.from))} group by 1`),
  ]);
  return {
    id: "alerts",
    title: "Alerts opened and resolved",
    description: `Alerts raised and resolved each ${bucket} (${alertTypes.length} types: discrepancies, fraud, expiry, quality, metadata, sync).`,
    columns: columnsOf(["period", bucket], ["opened", "opened"], ["resolved", "resolved"]),
    rows: fillPeriods(periods, rows, () => ({ opened: 0, resolved: 0 })),
    chart: {
      x: "period",
      series: [bar("opened", "opened"), bar("resolved", "resolved")],
      leftUnit: "alerts",
    },
  };
}
