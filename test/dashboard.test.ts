// The dashboard's figures and its activity feed, against the real Postgres.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listRecentActivities, type Activity } from "@/lib/activities/recent";
import { activityKinds, ZRecentActivityQuery } from "@/lib/activities/schemas";
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { everything as allBatches } from "@/lib/auth/scope";
import { getDashboardMetrics } from "@/lib/dashboard/metrics";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let ids: number[];
const now = new Date("2026-11-24T12:00:00Z");
const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDb();
  const rows = await insertBatches(t.db, [
    makeBatch({ status: "active", expiryDate: day(-3), quantityKg: "10.500", pricePerKg: "4.00" }),
    makeBatch({
      status: "verified",
      verificationStatus: "verified",
      expiryDate: day(0),
      quantityKg: "100.000",
      pricePerKg: "5.25",
    }),
    makeBatch({ status: "flagged", expiryDate: day(30), quantityKg: "200.125", pricePerKg: "6.10" }),
    makeBatch({ status: "active", expiryDate: day(31), quantityKg: "50.000", pricePerKg: null }),
    makeBatch({ status: "active", expiryDate: day(90), quantityKg: "1.001", pricePerKg: "5.00" }),
    makeBatch({ status: "redeemed", expiryDate: day(10), quantityKg: "999.000", pricePerKg: "9.99" }),
    makeBatch({
      status: "expired",
      expiryDate: day(-100),
      quantityKg: "5.000",
      pricePerKg: "1.00",
      originCountry: "Kenya",
    }),
  ]);
  ids = rows.map((r) => r.id);
});
afterAll(() => t.drop());

const run = (q: string) => t.pool.query(q);

describe("dashboard metrics", () => {
  it("gives totals, stock and expiry windows to the gram and the cent", async () => {
    const m = await getDashboardMetrics(t.db, allBatches, now);
    expect(m.today).toBe("2026-11-24");
    // 10.5×4 + 100×5.25 + 200.125×6.10 (1220.7625 → 1220.76) + 0 + 1.001×5 (5.005 → 5.01) + 999×9.99 + 5×1
    expect(m.totals).toEqual({ batches: 7, quantity_kg: "1365.626", value_usd: "11777.78" });
    expect(m.in_stock).toEqual({ batches: 5, quantity_kg: "361.626", value_usd: "1792.77" });
    expect(m.expiry.past_expiry_in_stock).toEqual({ batches: 1, quantity_kg: "10.500", value_usd: "42.00" });
    // Today counts; the redeemed batch expiring in 10 days is no longer stock.
    expect(m.expiry.within_30_days).toEqual({ batches: 2, quantity_kg: "300.125", value_usd: "1745.76" });
    expect(m.expiry.within_60_days.batches).toBe(3);
    expect(m.expiry.within_90_days).toEqual({ batches: 4, quantity_kg: "351.126", value_usd: "1750.77" });
    expect(m.by_status.draft).toEqual({ batches: 0, quantity_kg: "0.000", value_usd: "0.00" });
    expect(m.by_status.active.batches).toBe(3);
    expect(m.by_origin_country.map((o) => [o.value, o.batches])).toEqual([
      ["Ethiopia", 6],
      ["Kenya", 1],
    ]);
    expect(m.verification.verified_batches).toBe(1);
    expect(m.verification.pass_rate).toBeNull();
  });

  it("gives the verification pass rate and open alerts by severity and type", async () => {
    await run(
      `insert into verification_requests (batch_id, status) values (${ids[0]}, 'approved'), (${ids[1]}, 'approved'), (${ids[2]}, 'approved'), (${ids[3]}, 'rejected'), (${ids[4]}, 'pending')`,
    );
    await run(`insert into batch_alerts (batch_id, type, severity, source, message, status) values
      (${ids[0]}, 'expired', 'high', 't', 'x', 'open'), (${ids[1]}, 'fraud_risk', 'critical', 't', 'x', 'open'),
      (${ids[2]}, 'fraud_risk', 'critical', 't', 'x', 'open'), (${ids[3]}, 'fraud_risk', 'low', 't', 'x', 'open')`);
    await run(
      `update batch_alerts set status = 'resolved', resolution_note = 'checked', resolved_at = now() where batch_id = ${ids[3]}`,
    );
    const m = await getDashboardMetrics(t.db, allBatches, now);
    expect(m.verification).toMatchObject({ pending: 1, approved: 3, rejected: 1, pass_rate: 0.75 });
    expect(m.alerts.open).toBe(3);
    expect(m.alerts.by_severity).toEqual({ low: 0, medium: 0, high: 1, critical: 2 });
    expect(m.alerts.by_type).toMatchObject({ fraud_risk: 2, expired: 1, quantity_discrepancy: 0 });
  });

  it("reads the counters, never the batches table: it answers while another transaction locks batches outright", async () => {
    const locker = await t.pool.connect();
    try {
      await locker.query("begin; lock table batches in access exclusive mode");
      const m = await Promise.race([
        getDashboardMetrics(t.db, allBatches, now),
        new Promise<null>((r) => setTimeout(() => r(null), 3_000)),
      ]);
      expect(m?.totals.batches).toBe(7);
    } finally {
      await locker.query("rollback");
      locker.release();
    }
  });
});

// The feed's order over everything, straight from the tables: the expected answer.
async function everything(): Promise<string[]> {
  const { rows } = await t.pool.query<{ id: string }>(`
    select kind || ':' || id as id from (
      select 'audit' as kind, 0 as rank, id, created_at from audit_records where action not like 'chain.%' and action not in ('alert.raised', 'verification.requested')
      union all select 'event', 1, id, created_at from blockchain_events
      union all select 'alert', 2, id, created_at from batch_alerts
      union all select 'verification', 3, id, created_at from verification_requests
      union all select 'sync', 4, id, created_at from sync_history) f
    order by created_at desc, rank desc, id desc`);
  return rows.map((r) => r.id);
}

async function walk(params: Record<string, string>): Promise<Activity[]> {
  const all: Activity[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecentActivities(
      t.db,
      ZRecentActivityQuery.parse({ ...params, ...(cursor ? { cursor } : {}) }),
      allBatches,
    );
    expect(page.data.length).toBeLessThanOrEqual(Number(params.limit ?? 20));
    all.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return all;
}

describe("recent activities", () => {
  beforeAll(async () => {
    // One transaction: its rows share one created_at across sources, so ties are broken by kind and id.
    await t.db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`insert into blockchain_events (chain_id, contract_address, block_number, block_hash, tx_hash, log_index, name, token_id, args, status)
        values (31337, '0xaa', 7, '0xb7', '0xt7', 0, 'BatchCreated', (select token_id from batches where id = ${ids[0]}), '{}', 'processed'),
               (31337, '0xaa', 7, '0xb7', '0xt7', 1, 'BatchMinted', 424242, '{}', 'failed')`),
      );
      await tx.execute(
        sql.raw(
          `insert into sync_history (trigger, status, checked, updated, batch_id) values ('manual', 'succeeded', 7, 1, null), ('batch', 'failed', 1, 0, ${ids[2]})`,
        ),
      );
      await tx.execute(
        sql.raw(
          `insert into batch_alerts (batch_id, type, severity, source, message) values (${ids[4]}, 'quantity_discrepancy', 'medium', 't2', 'Counted 2 kg less')`,
        ),
      );
    });
    const {
      rows: [user],
    } = await t.db.execute<{ id: string }>(
      sql`insert into users (name, email, role) values ('Otto Operator', 'otto-feed@example.com', 'operator') returning id::text`,
    );
    await recordAudit(t.db, {
      entity: "alert",
      entityId: 1,
      batchId: ids[0],
      action: "alert.resolved",
      actor: { kind: "user", id: user.id },
      note: "Recounted",
    });
    await recordAudit(t.db, {
      entity: "batch",
      entityId: ids[0],
      batchId: ids[0],
      action: "chain.BatchCreated",
      actor: { kind: "system", id: "indexer" },
    });
    await recordAudit(t.db, {
      entity: "alert",
      entityId: 2,
      batchId: ids[1],
      action: "alert.raised",
      actor: { kind: "system" },
    });
    await run(
      `insert into sync_history (trigger, status, created_at) values ('schedule', 'succeeded', now() - interval '1 day')`,
    );
  });

  it("pages newest first through every source, each activity once, in the tables' order", async () => {
    const want = await everything();
    expect(want.length).toBeGreaterThan(12);
    for (const limit of ["1", "3", "7", "100"]) expect((await walk({ limit })).map((a) => a.id)).toEqual(want);
  });

  it("leaves out audit records that repeat another source", async () => {
    const feed = await walk({ limit: "100", kind: "audit" });
    expect(feed.map((a) => a.title)).toEqual(["Alert resolved"]);
    expect(feed[0]).toMatchObject({ detail: "Recounted", actor: "Otto Operator", batch_id: ids[0] });
  });

  it("names each batch by its code and each actor by name, never by id", async () => {
    const feed = await walk({ limit: "100" });
    const [first] = await t.db
      .execute<{ code: string }>(sql`select batch_code as code from batches where id = ${ids[0]}`)
      .then((r) => r.rows);
    expect(feed.find((a) => a.kind === "audit")).toMatchObject({
      batch_id: ids[0],
      batch_code: first.code,
      actor: "Otto Operator",
    });
    for (const a of feed) {
      if (a.batch_id !== null) expect(a.batch_code, a.id).toMatch(/\S/);
      expect(a.actor ?? "", a.id).not.toMatch(/^(user|system|api_key|wallet):/);
    }
  });

  it("filters by kind and links chain events to their batch by token", async () => {
    const events = await walk({ limit: "2", kind: "event" });
    expect(events.map((e) => [e.title, e.status, e.batch_id])).toEqual([
      ["BatchMinted in block 7", "failed", null],
      ["BatchCreated in block 7", "processed", ids[0]],
    ]);
    const mixed = await walk({ limit: "100", kind: "sync,alert" });
    expect(new Set(mixed.map((a) => a.kind))).toEqual(new Set(["sync", "alert"]));
    expect(mixed.find((a) => a.kind === "sync" && a.title === "Batch sync failed")).toBeTruthy();
  });

  it("refuses a cursor it did not issue and unknown kinds", async () => {
    for (const cursor of [
      "nope",
      Buffer.from(JSON.stringify(["2026-01-01", 0, 1])).toString("base64url"),
      Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000000Z", 9, 1])).toString("base64url"),
    ]) {
      await expect(
        listRecentActivities(t.db, ZRecentActivityQuery.parse({ cursor }), allBatches),
      ).rejects.toBeInstanceOf(ApiError);
    }
    expect(ZRecentActivityQuery.safeParse({ kind: "audit,nope" }).success).toBe(false);
    expect(ZRecentActivityQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(ZRecentActivityQuery.safeParse({ since: "x" }).success).toBe(false);
    expect(activityKinds).toHaveLength(5);
  });

  it("reads each source through its index, never a scan", async () => {
    const c = await t.pool.connect();
    try {
      // The tables here are tiny, where a scan is cheaper; forbid it to see which index the plan takes.
      await c.query("set enable_seqscan = off; set enable_bitmapscan = off");
      const plan = async (table: string, where = "") =>
        (
          await c.query<{ "QUERY PLAN": string }>(
            `explain select id from ${table} ${where} order by created_at desc, id desc limit 21`,
          )
        ).rows
          .map((r) => r["QUERY PLAN"])
          .join("\n");
      expect(
        await plan(
          "audit_records",
          "where action not like 'chain.%' and action not in ('alert.raised', 'verification.requested')",
        ),
      ).toMatch(/Index (Only )?Scan Backward using audit_records_feed_idx/);
      for (const table of ["blockchain_events", "batch_alerts", "verification_requests", "sync_history"])
        expect(await plan(table)).toMatch(new RegExp(`Index (Only )?Scan Backward using ${table}_created_idx`));
    } finally {
      c.release();
    }
  });
});
