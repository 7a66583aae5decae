// The rollups against the source tables: after a first refresh, after new rows and an incremental
// refresh, and after a second refresh that must change nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { refreshAnalytics } from "@/lib/analytics/refresh";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.drop());

const rows = async (query: string) => (await t.pool.query(query)).rows;
const utcDay = (column: string) => `(${column} at time zone 'UTC')::date::text`;
const dims = "b.origin_country, coalesce(b.process, 'none') as process, coalesce(b.warehouse, 'none') as warehouse";

/** Each rollup as it is, and as a direct GROUP BY over the source tables says it should be. */
const pairs: Record<string, [string, string]> = {
  stock: [
    `select day::text, origin_country, process, warehouse, minted_batches, minted_kg::text, removed_batches, removed_kg::text from analytics_stock_daily order by 1, 2, 3, 4`,
    `select day, origin_country, process, warehouse, sum(mb)::int as minted_batches, sum(mk)::numeric(20,3)::text as minted_kg, sum(rb)::int as removed_batches, sum(rk)::numeric(20,3)::text as removed_kg from (
       select ${utcDay("b.created_at")} as day, ${dims}, 1 as mb, b.quantity_kg as mk, 0 as rb, 0 as rk from batches b where b.status not in ('draft', 'pending_mint')
       union all
       select ${utcDay("b.updated_at")}, ${dims}, 0, 0, 1, b.quantity_kg from batches b where b.status in ('expired', 'redeemed')
     ) x group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  ],
  verification: [
    `select day::text, origin_country, process, warehouse, approved, rejected, discrepancy_kg::text, discrepancy_pct::text from analytics_verification_daily order by 1, 2, 3, 4`,
    `select ${utcDay("v.processed_at")} as day, ${dims}, count(*) filter (where v.status = 'approved')::int as approved, count(*) filter (where v.status = 'rejected')::int as rejected,
       sum(abs(v.discrepancy_kg))::numeric(20,3)::text as discrepancy_kg, sum(abs(v.discrepancy_pct))::numeric(20,3)::text as discrepancy_pct
     from verification_requests v join batches b on b.id = v.batch_id where v.status <> 'pending' group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  ],
  quality: [
    `select day::text, origin_country, process, warehouse, grade, checks from analytics_quality_daily order by 1, 2, 3, 4, 5`,
    `select ${utcDay("q.created_at")} as day, ${dims}, q.grade, count(*)::int as checks from quality_checks q join batches b on b.id = q.batch_id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  ],
  fraud: [
    `select day::text, origin_country, process, warehouse, risk_level, assessments, score_sum::int from analytics_fraud_daily order by 1, 2, 3, 4, 5`,
    `select ${utcDay("f.created_at")} as day, ${dims}, case when f.score >= 75 then 'critical' when f.score >= 50 then 'high' when f.score >= 25 then 'medium' else 'low' end as risk_level,
       count(*)::int as assessments, sum(f.score)::int as score_sum from fraud_assessments f join batches b on b.id = f.batch_id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  ],
  factors: [
    `select day::text, origin_country, process, warehouse, factor, hits, points::int from analytics_fraud_factors_daily order by 1, 2, 3, 4, 5`,
    `select ${utcDay("f.created_at")} as day, ${dims}, e->>'name' as factor, count(*)::int as hits, sum((e->>'points')::int)::int as points
     from fraud_assessments f join batches b on b.id = f.batch_id cross join jsonb_array_elements(f.factors) e where (e->>'points')::int > 0 group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  ],
  alerts: [
    `select day::text, origin_country, process, warehouse, type, opened, resolved from analytics_alerts_daily order by 1, 2, 3, 4, 5`,
    `select day, origin_country, process, warehouse, type, sum(o)::int as opened, sum(r)::int as resolved from (
       select ${utcDay("a.created_at")} as day, ${dims}, a.type, 1 as o, 0 as r from batch_alerts a join batches b on b.id = a.batch_id
       union all select ${utcDay("a.resolved_at")}, ${dims}, a.type, 0, 1 from batch_alerts a join batches b on b.id = a.batch_id where a.resolved_at is not null
     ) x group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  ],
  events: [
    `select hour, name, events from analytics_events_hourly order by 1, 2`,
    `select date_trunc('hour', block_time at time zone 'UTC') at time zone 'UTC' as hour, name, count(*)::int as events from blockchain_events group by 1, 2 order by 1, 2`,
  ],
  sync: [
    `select hour, runs, failed, lag_ms_sum::int, checked::int from analytics_sync_hourly order by 1`,
    `select date_trunc('hour', finished_at at time zone 'UTC') at time zone 'UTC' as hour, count(*)::int as runs, count(*) filter (where status = 'failed')::int as failed,
       sum(round(extract(epoch from finished_at - created_at) * 1000))::int as lag_ms_sum, sum(checked)::int as checked
     from sync_history where batch_id is null and finished_at is not null group by 1 order by 1`,
  ],
  expiry: [
    `select expiry_date::text, origin_country, process, warehouse, batches, kg::text from analytics_expiry order by 1, 2, 3, 4`,
    `select b.expiry_date::text, ${dims}, count(*)::int as batches, sum(b.quantity_kg)::numeric(20,3)::text as kg from batches b
     where b.expiry_date between current_date and current_date + 90 and b.status in ('active', 'verified', 'flagged') group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  ],
};

async function expectRollupsMatchSources() {
  for (const [name, [rollup, direct]] of Object.entries(pairs)) {
    const [have, want] = [await rows(rollup), await rows(direct)];
    expect(want.length, `${name} has rows to compare`).toBeGreaterThan(0);
    expect(have, name).toEqual(want);
  }
}

const snapshot = async () => Promise.all(Object.values(pairs).map(([rollup]) => rows(rollup)));
const daysAgo = (d: number, hour = 10) =>
  new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - d, hour, 30));
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const factors = (a: number, b: number) =>
  JSON.stringify([
    { name: "quantity_mismatch", weight: 25, value: "1", points: a, reason: "x" },
    { name: "price_outlier", weight: 15, value: null, points: b, reason: "y" },
  ]);

let ids: number[] = [];

async function addActivity(batchIds: number[], when: (i: number) => Date) {
  for (const [i, id] of batchIds.entries()) {
    const at = when(i).toISOString();
    await t.pool.query(
      `insert into verification_requests (batch_id, status, discrepancy_kg, discrepancy_pct, processed_at, created_at) values ($1, $2, $3, $4, $5, $5)`,
      [id, i % 3 ? "approved" : "rejected", i % 3 ? "0.000" : "-12.500", i % 3 ? "0" : "-1.250", at],
    );
    await t.pool.query(
      `insert into quality_checks (batch_id, cupping_score, moisture_pct, primary_defects, secondary_defects, sample_grams, screen_size, grade, full_defects, reasons, rules_version, created_at)
       values ($1, 84, 11, 0, 3, 350, 16, $2, 0, '[]', 'test', $3)`,
      [id, ["specialty", "premium", "exchange", "below_standard"][i % 4], at],
    );
    await t.pool.query(
      `insert into fraud_assessments (batch_id, score, model_version, factors, created_at) values ($1, $2, 'test', $3, $4)`,
      [id, (i * 17) % 100, factors(i % 2 ? 10 : 0, 15), at],
    );
    await t.pool.query(
      `insert into batch_alerts (batch_id, type, severity, source, message, created_at) values ($1, 'fraud_risk', 'high', $2, 'm', $3)`,
      [id, `test ${at} ${i}`, at],
    );
  }
}

describe("refreshAnalytics", () => {
  it("fills every rollup with what a GROUP BY over the source tables gives, for rows spread over days", async () => {
    const origins = ["Ethiopia", "Colombia", "Kenya"];
    const made = await insertBatches(
      t.db,
      Array.from({ length: 30 }, (_, i) =>
        makeBatch({
          originCountry: origins[i % 3],
          process: i % 4 === 0 ? null : (["washed", "natural", "honey"] as const)[i % 3],
          warehouse: i % 5 === 0 ? null : `WH ${i % 2}`,
          quantityKg: `${100 + i}.${String(i * 37)
            .padStart(3, "0")
            .slice(-3)}`,
          status: i % 7 === 3 ? "expired" : i % 7 === 5 ? "redeemed" : i % 11 === 4 ? "draft" : "active",
          expiryDate: inDays(5 + i * 3),
          createdAt: daysAgo(12 - (i % 10), i % 24),
          // A removed batch's row was last changed when it was removed, two days after it was created.
          updatedAt: i % 7 === 3 || i % 7 === 5 ? daysAgo(10 - (i % 10), 23) : daysAgo(12 - (i % 10), i % 24),
        }),
      ),
    );
    ids = made.map((b) => b.id);
    await addActivity(ids.slice(0, 20), (i) => daysAgo(i % 9, (i * 5) % 24));
    await t.pool.query(
      `update batch_alerts set status = 'resolved', resolved_at = created_at + interval '30 hours', resolution_note = 'ok' where id % 3 = 0`,
    );
    for (let i = 0; i < 12; i++) {
      await t.pool.query(
        `insert into blockchain_events (chain_id, contract_address, block_number, block_hash, tx_hash, log_index, name, args, created_at, block_time) values (31337, '0xa', $1, '0xb', $2, $5, $3, '{}', $4, $4)`,
        [i, `0x${i}`, i % 2 ? "BatchCreated" : "BatchMinted", daysAgo(i % 4, i).toISOString(), i],
      );
    }
    for (let i = 0; i < 4; i++) {
      await t.pool.query(
        `insert into sync_history (trigger, status, checked, created_at, finished_at) values ('schedule', $1, 10, $2, $3)`,
        [
          i === 2 ? "failed" : "succeeded",
          daysAgo(i, 3).toISOString(),
          new Date(daysAgo(i, 3).getTime() + 4321 * (i + 1)).toISOString(),
        ],
      );
    }
    const result = await refreshAnalytics(t.db);
    expect(Date.parse(result.from)).toBeLessThanOrEqual(daysAgo(12, 0).getTime());
    await expectRollupsMatchSources();
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    await refreshAnalytics(t.db);
    await refreshAnalytics(t.db, { from: daysAgo(30) });
    expect(await snapshot()).toEqual(before);
  });

  it("takes in new rows, removals and edits of old batches on an incremental refresh", async () => {
    const [fresh] = await insertBatches(t.db, [
      makeBatch({ originCountry: "Kenya", quantityKg: "55.555", expiryDate: inDays(20) }),
    ]);
    // An old batch redeemed now, and another whose quantity and warehouse were corrected now.
    await t.pool.query(`update batches set status = 'redeemed', updated_at = now() where id = $1`, [ids[0]]);
    await t.pool.query(
      `update batches set quantity_kg = 999.999, warehouse = 'WH moved', updated_at = now() where id = $1`,
      [ids[1]],
    );
    await addActivity([fresh.id, ids[2]], () => new Date());
    await t.pool.query(
      `update batch_alerts set status = 'resolved', resolved_at = now(), resolution_note = 'ok' where status = 'open' and id % 3 = 1`,
    );
    await t.pool.query(
      `insert into blockchain_events (chain_id, contract_address, block_number, block_hash, tx_hash, log_index, name, args) values (31337, '0xa', 99, '0xb', '0xnew', 99, 'BatchRedeemed', '{}')`,
    );
    await refreshAnalytics(t.db);
    await expectRollupsMatchSources();
  });

  it("keeps a removal on the day it was first seen, whatever later edits the row gets", async () => {
    const [{ removed_at: before }] = await rows(`select removed_at from analytics_removals where batch_id = ${ids[0]}`);
    await t.pool.query(
      `update batches set last_synced_at = now(), updated_at = now() + interval '2 days' where id = $1`,
      [ids[0]],
    );
    await refreshAnalytics(t.db);
    const [{ removed_at: after }] = await rows(`select removed_at from analytics_removals where batch_id = ${ids[0]}`);
    expect(after).toEqual(before);
  });

  it("adds up to the stock on hand: minted less removed equals the kilograms of live batches", async () => {
    const [{ net }] = await rows(`select sum(minted_kg - removed_kg)::text as net from analytics_stock_daily`);
    const [{ live }] = await rows(
      `select sum(quantity_kg)::text as live from batches where status not in ('draft', 'pending_mint', 'expired', 'redeemed')`,
    );
    expect(net).toBe(live);
  });

  it("dates a removal by the block of its chain event, and counts events stored late at their block's hour", async () => {
    const [{ id, token_id, origin_country }] = await rows(
      `select id, token_id::text, origin_country from batches where status = 'active' and token_id is not null order by id limit 1`,
    );
    const minedAt = daysAgo(40, 7);
    const oldBlock = daysAgo(50, 9);
    // A catch-up indexes, now, an expiry mined 40 days ago and another event mined 50 days ago.
    await t.pool.query(
      `insert into blockchain_events (chain_id, contract_address, block_number, block_hash, tx_hash, log_index, name, token_id, args, status, block_time)
       values (31337, '0xa', 200, '0xc', '0xexp', 0, 'BatchExpired', $1, '{}', 'processed', $2), (31337, '0xa', 150, '0xd', '0xold', 0, 'RoleGranted', null, '{}', 'processed', $3)`,
      [token_id, minedAt, oldBlock],
    );
    await t.pool.query(`update batches set status = 'expired', updated_at = now() where id = $1`, [id]);
    await refreshAnalytics(t.db);
    const [{ removed_at }] = await rows(`select removed_at from analytics_removals where batch_id = ${id}`);
    expect(new Date(removed_at).toISOString()).toBe(minedAt.toISOString());
    const [removed] = await rows(
      `select sum(removed_batches)::int as n from analytics_stock_daily where day = '${minedAt.toISOString().slice(0, 10)}' and origin_country = '${origin_country}'`,
    );
    expect(removed.n).toBeGreaterThanOrEqual(1);
    const hour = new Date(oldBlock);
    hour.setUTCMinutes(0, 0, 0);
    const [events] = await rows(
      `select events from analytics_events_hourly where name = 'RoleGranted' and hour = '${hour.toISOString()}'`,
    );
    expect(events?.events).toBe(1);
  });

  it("serialises concurrent refreshes and ends with the same rollups", async () => {
    const before = await snapshot();
    await Promise.all([refreshAnalytics(t.db), refreshAnalytics(t.db), refreshAnalytics(t.db, { from: daysAgo(3) })]);
    expect(await snapshot()).toEqual(before);
  });

  it("forgets a deleted batch's facts and removal with it", async () => {
    const [gone] = await insertBatches(t.db, [makeBatch({ originCountry: "Kenya", status: "redeemed" })]);
    await refreshAnalytics(t.db);
    const notes = () =>
      rows(
        `select (select count(*)::int from analytics_batch_facts where batch_id = ${gone.id}) as facts, (select count(*)::int from analytics_removals where batch_id = ${gone.id}) as removals`,
      );
    expect(await notes()).toEqual([{ facts: 1, removals: 1 }]);
    await t.pool.query(`delete from batches where id = $1`, [gone.id]);
    expect(await notes()).toEqual([{ facts: 0, removals: 0 }]);
  });

  it("rebuilds the expiry view only when a batch changed since the last refresh or the day turned", async () => {
    const [expiry] = pairs.expiry;
    // Every batch last changed before the last refresh's margin: nothing has changed since.
    await t.pool.query(`update batches set updated_at = now() - interval '1 hour'`);
    await refreshAnalytics(t.db);
    const full = await rows(expiry);
    expect(full.length).toBeGreaterThan(0);
    const emptied = async () => {
      await t.pool.query(`delete from analytics_expiry`);
      await refreshAnalytics(t.db);
      return rows(expiry);
    };

    expect(await emptied(), "nothing changed today: left as it was").toEqual([]);
    await t.pool.query(`update analytics_state set refreshed_through = refreshed_through - interval '1 day'`);
    expect(await emptied(), "the day turned").toEqual(full);
    await t.pool.query(`update batches set updated_at = now() where id = $1`, [ids[3]]);
    expect(await emptied(), "a batch changed").toEqual(full);
  });
});

// The refresh runs in the worker; make sure the watermark moves so the next run is incremental.
describe("analytics_state", () => {
  it("records how far the rollups reach", async () => {
    const { rows: state } = await t.db.execute<{ refreshed_through: string }>(
      sql`select refreshed_through::text from analytics_state where id = 'rollups'`,
    );
    expect(Date.now() - Date.parse(state[0].refreshed_through)).toBeLessThan(60_000);
  });
});
