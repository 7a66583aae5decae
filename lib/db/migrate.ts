// Applies supabase/migrations/*.sql in order, recorded where the Supabase CLI records them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Pool } from "pg";

const dir = path.resolve(import.meta.dirname, "../../supabase/migrations");

export async function migrate(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(7412001)");
    await client.query(`create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (version text primary key, statements text[], name text)`);
    const { rows } = await client.query<{ version: string }>(
      "select version from supabase_migrations.schema_migrations",
    );
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of readdirSync(dir)
      .filter((f) => /^\d{14}_.+\.sql$/.test(f))
      .sort()) {
      const [version, ...rest] = file.replace(/\.sql$/, "").split("_");
      if (done.has(version)) continue;
      const sql = readFileSync(path.join(dir, file), "utf8");
      await client.query("begin");
      try {
        await client.query(sql);
        await client.query(
          "insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)",
          [version, [sql], rest.join("_")],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }
    return applied;
  } finally {
    await client.query("select pg_advisory_unlock(7412001)").catch(() => {});
    client.release();
  }
}
