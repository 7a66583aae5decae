// The dashboard's counters: after any mix of writes, in any grouping into statements and
// transactions, folded or not, they equal a fresh GROUP BY over the tables.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { foldCounts, readCounts, type Counts } from "@/lib/stats/counts";
import { sumCounts } from "@/lib/stats/sum";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.drop());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// The same definitions as the triggers', written out as plain GROUP BYs over the tables.
const byColumn = (dimension: string, column: string) =>
  `select '${dimension}', ${column}, count(*), sum(quantity_kg), sum(round(coalesce(quantity_kg * price_per_kg, 0), 2)) from batches group by 2`;
const fresh = `
  select 'all', 'all', count(*), sum(quantity_kg), sum(round(coalesce(quantity_kg * price_per_kg, 0), 2)) from batches having count(*) > 0
  union all ${byColumn("status", "status")}
  union all ${byColumn("verification_status", "verification_status")}
  union all ${byColumn("sync_status", "sync_status")}
  union all ${byColumn("origin_country", "origin_country")}
  union all ${byColumn("process", "coalesce(process, 'none')")}
  union all ${byColumn("warehouse", "coalesce(warehouse, 'none')")}
  union all ${byColumn("quality_grade", "coalesce(quality_grade, 'none')")}
  union all ${byColumn("risk_level", "coalesce(risk_level, 'none')")}
  union all select 'expiry_date', expiry_date::text, count(*), sum(quantity_kg), sum(round(coalesce(quantity_kg * price_per_kg, 0), 2)) from batches where status in ('active', 'verified', 'flagged') group by 2
  union all select 'in_stock', 'all', count(*), sum(coalesce(on_hand / 1000.0, quantity_kg)), sum(round(coalesce(coalesce(on_hand / 1000.0, quantity_kg) * price_per_kg, 0), 2)) from batches where status in ('active', 'verified', 'flagged') having count(*) > 0
  union all select 'open_alerts', type, count(*), 0, 0 from batch_alerts where status = 'open' group by 2
  union all select 'open_alert_severity', severity, count(*), 0, 0 from batch_alerts where status = 'open' group by 2
  union all select 'verification_requests', status, count(*), 0, 0 from verification_requests group by 2`;

async function freshCounts(): Promise<Counts> {
  const { rows } = await t.pool.query<{ d: string; v: string; n: string; kg: string; usd: string }>(
    `select d, v, n::text, kg::text, usd::text from (${fresh}) f(d, v, n, kg, usd)`,
  );
  const counts: Counts = {};
  for (const r of rows) (counts[r.d] ??= {})[r.v] = sumCounts([{ n: Number(r.n), kg: r.kg, usd: r.usd }]);
  return counts;
}

/** readCounts, with every figure written the same way as freshCounts' (three and two decimals). */
async function counted(): Promise<Counts> {
  const counts = await readCounts(t.db);
  for (const values of Object.values(counts)) for (const [v, c] of Object.entries(values)) values[v] = sumCounts([c]);
  return counts;
}

async function expectExact() {
  const [got, want] = [await counted(), await freshCounts()];
  expect(got).toEqual(want);
  expect(Object.keys(want).length).toBeGreaterThan(5);
}

const origins = ["Ethiopia", "Kenya", "Colombia", "Brazil"];
const statuses = ["active", "verified", "flagged", "expired", "redeemed", "draft"] as const;

async function insertAlerts(rows: { batchId: number; type: string; severity: string; source: string }[]) {
  const values = rows
    .map((_, i) => `($${i * 4 + 1}::bigint, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, 'test alert')`)
    .join(", ");
  await t.pool.query(
    `insert into batch_alerts (batch_id, type, severity, source, message) values ${values}`,
    rows.flatMap((r) => [r.batchId, r.type, r.severity, r.source]),
  );
}

describe("dashboard counters", () => {
  let ids: number[] = [];

  it("count inserted batches exactly, with every batch's value rounded to the cent", async () => {
    const rows = await insertBatches(
      t.db,
      Array.from({ length: 60 }, (_, i) =>
        makeBatch({
          originCountry: origins[i % 4],
          status: statuses[i % 6],
          process: i % 5 === 0 ? null : i % 2 ? "washed" : "natural",
          warehouse: i % 7 === 0 ? null : `Warehouse ${i % 3}`,
          // Half cents (0.001 kg × 5.00) round differently summed per row than per statement.
          quantityKg:
            i % 4 === 0
              ? "0.001"
              : `${100 + i}.${String(i * 7)
                  .padStart(3, "0")
                  .slice(-3)}`,
          pricePerKg: i % 9 === 0 ? null : i % 4 === 0 ? "5.00" : `${4 + (i % 5)}.${String(i % 100).padStart(2, "0")}`,
          expiryDate: day([-20, -1, 0, 15, 30, 31, 45, 60, 75, 90, 91, 400][i % 12]),
        }),
      ),
    );
    ids = rows.map((r) => r.id);
    await expectExact();
  });

  it("read only the dimensions asked for, the same figures as the full read", async () => {
    const all = await readCounts(t.db);
    const some = await readCounts(t.db, ["origin_country", "warehouse"]);
    expect(Object.keys(some).sort()).toEqual(["origin_country", "warehouse"]);
    expect(some).toEqual({ origin_country: all.origin_country, warehouse: all.warehouse });
  });

  it("stay exact through updates of single rows and whole sets, with folds in between", async () => {
    await t.pool.query("update batches set status = 'redeemed' where id = $1", [ids[0]]);
    await t.pool.query(
      "update batches set price_per_kg = price_per_kg + 0.01, quantity_kg = quantity_kg + 0.001 where id % 3 = 0",
    );
    // Stock on hand from the ledger, below the declared quantity after a partial redemption.
    await t.pool.query("update batches set on_hand = floor(quantity_kg * 700) where id % 4 = 1");
    await expectExact();
    expect(await foldCounts(t.db)).toBeGreaterThan(0);
    await expectExact();
    await t.pool.query(
      "update batches set quality_grade = 'specialty', risk_score = 80, risk_level = 'critical' where id % 4 = 1",
    );
    await t.pool.query(
      "update batches set verification_status = 'verified', sync_status = 'out_of_sync', warehouse = 'Hamburg' where id % 5 = 2",
    );
    await t.pool.query("update batches set expiry_date = expiry_date + 7, origin_country = 'Peru' where id % 6 = 3");
    // An update that changes nothing the counters see.
    await t.pool.query("update batches set farm = 'Finca Nueva' where id % 2 = 0");
    await expectExact();
  });

  it("stay exact through alerts raised, resolved and deleted, and requests made, decided and deleted", async () => {
    const types = ["quantity_discrepancy", "fraud_risk", "expiring_soon"];
    const severities = ["low", "medium", "high", "critical"];
    await insertAlerts(
      ids
        .slice(0, 30)
        .map((batchId, i) => ({ batchId, type: types[i % 3], severity: severities[i % 4], source: "test" })),
    );
    await t.pool.query(
      "update batch_alerts set status = 'resolved', resolution_note = 'checked', resolved_at = now() where id % 4 = 0",
    );
    await foldCounts(t.db);
    await t.pool.query("update batch_alerts set severity = 'critical' where status = 'open' and id % 3 = 0");
    await t.pool.query("delete from batch_alerts where id % 5 = 0");
    await t.pool.query("insert into verification_requests (batch_id) select unnest($1::bigint[])", [ids.slice(0, 20)]);
    await t.pool.query("update verification_requests set status = 'approved', processed_at = now() where id % 3 = 0");
    await t.pool.query("update verification_requests set status = 'rejected', processed_at = now() where id % 3 = 1");
    await t.pool.query("delete from verification_requests where id % 7 = 0");
    await expectExact();
  });

  it("stay exact through deletes and statements that insert, change and delete at once", async () => {
    const free = ids.slice(40);
    await t.pool.query("delete from batches where id = any($1::bigint[]) and id % 2 = 0", [free]);
    await t.pool.query(
      `with changed as (update batches set quantity_kg = quantity_kg * 2 where id % 2 = 1 and id = any($1::bigint[]) returning id)
      insert into batches (chain_id, token_id, batch_code, origin_country, production_date, expiry_date, quantity_kg, price_per_kg)
      select 31337, 900000 + id, 'CTE-' || id, 'Rwanda', '2026-01-01', current_date + 5, 1.005, 3.33 from changed`,
      [free],
    );
    await expectExact();
    await foldCounts(t.db);
    await expectExact();
  });

  it("count concurrent transactions once each: committed ones after a fold that ran while they were open, rolled back ones never", async () => {
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = new pg.Client({ connectionString: t.url });
        await c.connect();
        return c;
      }),
    );
    try {
      await Promise.all(clients.map((c) => c.query("begin")));
      await Promise.all(
        clients.map((c, i) =>
          c.query("update batches set status = $1, quantity_kg = quantity_kg + $2 where id % 6 = $3", [
            statuses[(i + 1) % 4],
            `${i}.125`,
            i,
          ]),
        ),
      );
      await Promise.all(
        clients.map((c, i) =>
          c.query(
            "insert into batches (chain_id, token_id, batch_code, origin_country, production_date, expiry_date, quantity_kg, price_per_kg) values (31337, $1, $2, 'Burundi', '2026-01-01', current_date + 20, 12.345, 6.78)",
            [800000 + i, `CONC-${i}`],
          ),
        ),
      );
      // A fold now sees none of the open transactions' deltas and must leave them for later.
      await foldCounts(t.db);
      await expectExact();
      // Half commit, half roll back, with folds racing the commits.
      await Promise.all([
        ...clients.map((c, i) => c.query(i % 2 ? "rollback" : "commit")),
        foldCounts(t.db),
        foldCounts(t.db),
      ]);
      await expectExact();
      // Many small transactions at once, and folds among them.
      await Promise.all([
        ...Array.from({ length: 40 }, (_, i) =>
          t.pool.query(
            "update batches set price_per_kg = coalesce(price_per_kg, 1) + 0.005, status = $2 where id = $1",
            [ids[i % 40], statuses[i % 3]],
          ),
        ),
        ...Array.from({ length: 5 }, () => foldCounts(t.db)),
      ]);
      await expectExact();
      await foldCounts(t.db);
      await expectExact();
      const { rows } = await t.pool.query<{ n: string }>("select count(*)::text as n from count_deltas");
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
