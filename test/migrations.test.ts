import { getTableColumns, getTableName } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.drop());

const tables = [schema.counts, schema.countDeltas, schema.batches, schema.blockchainEvents, schema.listenerState, schema.listenerBlocks, schema.importLogs, schema.users, schema.wallets, schema.siweNonces, schema.apiKeys, schema.signInEvents, schema.rateLimits, schema.auditRecords, schema.verificationRequests, schema.qualityChecks, schema.qualityCheckFiles, schema.fraudAssessments, schema.batchAlerts, schema.componentStates, schema.heartbeats, schema.analyticsState, schema.analyticsRemovals, schema.analyticsBatchFacts, schema.analyticsStockDaily, schema.analyticsVerificationDaily, schema.analyticsQualityDaily, schema.analyticsFraudDaily, schema.analyticsFraudFactorsDaily, schema.analyticsAlertsDaily, schema.analyticsEventsHourly, schema.analyticsSyncHourly, schema.analyticsExpiry, schema.auditAnchors, schema.systemAlerts, schema.traceScans, schema.authTokens, schema.caughtMails];

describe("migrations", () => {
  it("applies nothing twice", async () => {
    expect(await migrate(t.pool)).toEqual([]);
  });

  it.each(tables.map((table) => [getTableName(table), table] as const))("the Drizzle schema of %s matches the migrated table", async (name, table) => {
    const { rows } = await t.pool.query<{ column_name: string; is_nullable: string }>(
      "select column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1",
      [name],
    );
    const inDb = Object.fromEntries(rows.map((r) => [r.column_name, r.is_nullable === "NO"]));
    const inSchema = Object.fromEntries(Object.values(getTableColumns(table)).map((c) => [c.name, c.notNull]));
    expect(inSchema).toEqual(inDb);
  });
});
