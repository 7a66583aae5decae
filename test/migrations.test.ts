import { getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
beforeAll(async () => (t = await createTestDb()));
afterAll(() => t.drop());

// Every table the Drizzle schema declares: a new table is checked without being listed here.
const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

describe("migrations", () => {
  it("applies nothing twice", async () => {
    expect(await migrate(t.pool)).toEqual([]);
  });

  it("declares every migrated table in the Drizzle schema, and nothing else", async () => {
    const { rows } = await t.pool.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by tablename");
    expect(tables.map((table) => getTableName(table)).sort()).toEqual(rows.map((r) => r.tablename));
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
