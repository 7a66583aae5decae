// Starts one real Postgres and one real anvil for the whole run; each test file then makes
// its own database from a migrated template and deploys its own contracts.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

import { createDb } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { startAnvil } from "../scripts/lib/anvil";
import { compileContracts } from "../scripts/lib/contracts";
import { freePort } from "../scripts/lib/free-port";
import { startPostgres } from "../scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    templateDatabase: string;
    rpcUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "batchtrail-test-"));
  chmodSync(dir, 0o755); // Postgres runs as its own user and must reach its data directory.
  const pg = await startPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort() });
  const anvil = await startAnvil({ port: await freePort(), accounts: 12 });
  compileContracts();

  await pg.createDatabase("template_batchtrail");
  const { pool } = createDb(pg.url("template_batchtrail"), 1);
  await migrate(pool);
  await pool.end();

  project.provide("postgresUrl", pg.url("postgres"));
  project.provide("templateDatabase", "template_batchtrail");
  project.provide("rpcUrl", anvil.url);

  return async () => {
    await anvil.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
