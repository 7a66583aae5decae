import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

import { createDb, type Db } from "@/lib/db";

export type TestDb = { db: Db; url: string; pool: pg.Pool; drop: () => Promise<void> };

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(prefix: string, template: string, poolSize: number): Promise<TestDb> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database ${name} template ${template}`));
  const url = inject("postgresUrl").replace(/\/postgres$/, `/${name}`);
  const { db, pool } = createDb(url, poolSize);
  return {
    db,
    url,
    pool,
    async drop() {
      await pool.end();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A fresh, migrated database of this test file's own. */
export const createTestDb = () => createDatabase("t", inject("templateDatabase"), 5);

/** A fresh database with nothing in it (from template0): for building a schema some other way. */
export const createEmptyDb = () => createDatabase("e", "template0", 2);

/** Runs `statement` with the triggers off, as a database owner could: how a test forges what the app refuses. */
export async function withoutTriggers(t: TestDb, statement: string) {
  const client = await t.pool.connect();
  try {
    await client.query(`begin; set local session_replication_role = replica; ${statement}; commit`);
  } finally {
    client.release();
  }
}
