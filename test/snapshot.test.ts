// The premise of e2e/db.ts's fingerprints(): an equal snapshot means no transaction that wrote has ended
// since, so a fingerprint taken then still holds. A write committed or rolled back moves it; reads do not.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";

import { snapshot } from "@/e2e/db";

import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let watcher: pg.Client;

beforeAll(async () => {
  t = await createTestDb();
  watcher = new pg.Client({ connectionString: t.url });
  await watcher.connect();
});
afterAll(async () => {
  await watcher.end();
  await t.drop();
});

const insert = "insert into warehouses (code, name, country, capacity_kg) values ($1, $1, 'CO', 1000)";

it("stays equal over reads, and moves with every write that ends, committed or rolled back", async () => {
  const start = await snapshot(watcher);
  await t.pool.query("select count(*) from batches");
  expect(await snapshot(watcher)).toBe(start);

  await t.pool.query(insert, ["SNAP-1"]);
  const committed = await snapshot(watcher);
  expect(committed).not.toBe(start);

  const other = await t.pool.connect();
  try {
    await other.query("begin");
    await other.query(insert, ["SNAP-2"]);
    await other.query("rollback");
  } finally {
    other.release();
  }
  expect(await snapshot(watcher)).not.toBe(committed);
});
