// Supabase's anon and authenticated roles (its PostgREST API) read nothing from any table, password
// hashes least of all; the app, as the tables' owner, reads everything.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let tables: string[];
const apiRoles = ["anon", "authenticated"] as const;

/** Runs `fn` in a transaction that is always rolled back. */
async function inRolledBack<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await t.pool.connect();
  try {
    await c.query("begin");
    return await fn(c);
  } finally {
    await c.query("rollback");
    c.release();
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await t.pool.query(
    "insert into users (email, name, password_hash, role) values ('admin@rls.test', 'Admin', '$2b$11$abcdefghijklmnopqrstuv0123456789012345678901234567', 'admin')",
  );
  tables = (
    await t.pool.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")
  ).rows.map((r) => r.tablename);
});
afterAll(() => t.drop());

describe("row-level security", () => {
  it("is enabled on every table in schema public, so a new table must enable it too", async () => {
    const { rows } = await t.pool.query<{ relname: string }>(
      "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity order by 1",
    );
    expect(rows.map((r) => r.relname)).toEqual([]);
    expect(tables).toContain("users");
  });

  it.each(apiRoles)("%s has no privilege on any table, view or sequence", async (role) => {
    const { rows } = await t.pool.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
         and (has_table_privilege($1, c.oid, 'select') or has_table_privilege($1, c.oid, 'insert') or has_table_privilege($1, c.oid, 'update') or has_table_privilege($1, c.oid, 'delete'))`,
      [role],
    );
    expect(rows.map((r) => r.name)).toEqual([]);
    for (const table of tables) {
      const error = await inRolledBack(async (c) => {
        await c.query(`set local role ${role}`);
        return c.query(`select * from "${table}" limit 1`).then(
          () => null,
          (e: { code: string }) => e.code,
        );
      });
      expect(error, `${role} reading ${table}`).toBe("42501"); // permission denied
    }
  });

  it.each(apiRoles)(
    "%s reads no row of any table even if granted select, as Supabase's default grants would",
    async (role) => {
      for (const table of tables) {
        const count = await inRolledBack(async (c) => {
          await c.query(`grant select on "${table}" to ${role}`);
          await c.query(`set local role ${role}`);
          return (await c.query<{ n: string }>(`select count(*) as n from "${table}"`)).rows[0].n;
        });
        expect(count, `${role} counting ${table}`).toBe("0");
      }
    },
  );

  it("lets the tables' owner, which the app connects as, read every row", async () => {
    const hashes = await inRolledBack(async (c) => {
      await c.query("create role rls_test_owner nologin");
      await c.query("alter table users owner to rls_test_owner");
      await c.query("set local role rls_test_owner");
      return (
        await c.query<{ password_hash: string }>("select password_hash from users where email = 'admin@rls.test'")
      ).rows;
    });
    expect(hashes).toHaveLength(1);
  });
});
