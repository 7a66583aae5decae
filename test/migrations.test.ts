// The Drizzle schema (lib/db/schema.ts) against the migrations: a database built from each, both
// described by Postgres's catalog (test/helpers/catalog.ts), must hold the same tables, column
// types, nullability, defaults, check constraints, primary, unique and foreign keys, and indexes,
// both ways. Every `in (…)` list a check holds is also one of the value lists of lib/db/enums.ts,
// on the column Drizzle types with it.
import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as enums from "@/lib/db/enums";
import { migrate } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";

import { describeSchema } from "./helpers/catalog";
import { createEmptyDb, createTestDb, type TestDb } from "./helpers/db";
import { schemaSql } from "./helpers/drizzle-ddl";

let migrated: TestDb;
let fromDrizzle: TestDb;
let inMigrations: Awaited<ReturnType<typeof describeSchema>>;
let inDrizzle: Awaited<ReturnType<typeof describeSchema>>;

beforeAll(async () => {
  [migrated, fromDrizzle] = await Promise.all([createTestDb(), createEmptyDb()]);
  // The one extension the migrations create (trigram search); Drizzle does not declare extensions.
  await fromDrizzle.pool.query("create extension pg_trgm");
  for (const statement of schemaSql(schema)) await fromDrizzle.pool.query(statement);
  [inMigrations, inDrizzle] = await Promise.all([describeSchema(migrated.pool), describeSchema(fromDrizzle.pool)]);
});
afterAll(async () => {
  await migrated.drop();
  await fromDrizzle.drop();
});

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const tableNames = tables.map((table) => getTableName(table)).sort();

describe("migrations", () => {
  it("applies nothing twice", async () => {
    expect(await migrate(migrated.pool)).toEqual([]);
  });

  it("declares every migrated table and sequence in the Drizzle schema, and nothing else", () => {
    expect(tableNames).toEqual(Object.keys(inMigrations.tables).sort());
    expect(inDrizzle.sequences).toEqual(inMigrations.sequences);
  });

  it.each(tableNames)("the Drizzle schema of %s matches the migrated table", (name) => {
    expect(inDrizzle.tables[name]).toEqual(inMigrations.tables[name]);
  });

  it("takes every value list of a check from lib/db/enums.ts; a check that is only the list types its column with it", () => {
    const lists = new Set(
      Object.values(enums)
        .filter(Array.isArray)
        .map((list) => JSON.stringify(list)),
    );
    const found: string[] = [];
    for (const [table, shape] of Object.entries(inMigrations.tables)) {
      const columns = getTableConfig(tables.find((t) => getTableName(t) === table)!).columns;
      for (const def of Object.values(shape.checks)) {
        for (const m of def.matchAll(/\(?(\w+)\)? = ANY \(\(?ARRAY\[([^\]]*)\]/g)) {
          const values = JSON.stringify([...m[2].matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1].replace(/''/g, "'")));
          const column = columns.find((c) => c.name === m[1]);
          expect(lists.has(values), `${table}.${m[1]}: ${values} is not a list in lib/db/enums.ts`).toBe(true);
          // Only the list: `CHECK ((col = ANY (ARRAY[…])))`.
          if (def === `CHECK (${m[0]})))`)
            expect(JSON.stringify(column?.enumValues), `${table}.${m[1]} is not typed with its list`).toBe(values);
          found.push(`${table}.${m[1]}`);
        }
      }
    }
    expect(found.length).toBeGreaterThan(30);
  });
});
