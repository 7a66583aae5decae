// `npm run admin:create -- --email you@example.com [--name "Your Name"] [--url https://app.example.com]`:
// an admin with no password yet, and a one-time link (72 h) to set one. Uses DATABASE_URL, else the
// embedded stack's database (starting its Postgres for the moment if the stack is not running).
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

import { createAdmin } from "../lib/auth/first-admin";
import { createDb } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { parseEnv, ZServerEnv } from "../lib/env";
import { startPostgres, type Postgres } from "./lib/postgres";

const ZScriptEnv = z.object({
  DATABASE_URL: ZServerEnv.shape.DATABASE_URL.optional(),
  DATA_DIR: z.string().default(".data"),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_APP_URL: ZServerEnv.shape.PUBLIC_APP_URL,
  AUTH_URL: ZServerEnv.shape.AUTH_URL,
});
const ZArgs = z.object({
  email: z.email("--email: must be an email address"),
  name: z.string().trim().min(1).max(80).optional(),
  url: z.url("--url: must be a URL").optional(),
});

const embeddedUrl = (port: number) => `postgres://postgres:batchtrail@127.0.0.1:${port}/batchtrail`;

async function reachable(url: string) {
  const { pool } = createDb(url, 1);
  try {
    await pool.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await pool.end();
  }
}

async function main() {
  const env = parseEnv(process.env, ZScriptEnv);
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, url: { type: "string" } },
  });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success)
    throw new Error(
      parsed.error.issues.map((i) => i.message).join("; ") +
        '\nusage: npm run admin:create -- --email you@example.com [--name "Your Name"] [--url https://app.example.com]',
    );
  const args = parsed.data;

  let url = env.DATABASE_URL;
  let embedded: Postgres | undefined;
  if (!url) {
    url = embeddedUrl(env.PG_PORT);
    if (!(await reachable(url))) {
      const dataDir = path.resolve(import.meta.dirname, "..", env.DATA_DIR, "postgres");
      if (!existsSync(path.join(dataDir, "PG_VERSION")))
        throw new Error(
          `no database: set DATABASE_URL, or run \`npm run dev\` once to create the embedded one in ${env.DATA_DIR}`,
        );
      embedded = await startPostgres({ dataDir, port: env.PG_PORT });
    }
  }
  const { db, pool } = createDb(url, 2);
  try {
    await migrate(pool);
    const appUrl = (args.url ?? env.PUBLIC_APP_URL ?? env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(
      /\/$/,
      "",
    );
    const admin = await createAdmin(db, { email: args.email, name: args.name ?? args.email.split("@")[0], appUrl });
    console.log(
      `Created admin ${admin.email} (user ${admin.id}). Set its password within 72 hours, once, at:\n${admin.link}`,
    );
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(`admin:create: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
