// Direct reads of the e2e stack's database, for checking that a refused call changed nothing.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import pg from "pg";

import { workerArgs } from "@/scripts/lib/worker-command";

import { stack } from "./stack";

const url = `postgres://postgres:batchtrail@127.0.0.1:${stack.pgPort}/batchtrail`;

/** A connection of its own, for a test that reads many times (close it with `end()`). */
export async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Tables left out of the fingerprint, each with its reason. Today none: the list of tables is read from
 * the database (every table in `public` and in pg-boss's `pgboss`), so a new table is covered without an
 * edit here, and the worker, which writes on its own clock (listener rounds, heartbeats, cron jobs,
 * pg-boss's maintenance), is stopped while fingerprints are compared (`whileWorkerQuiet`).
 */
export const notFingerprinted: Record<string, string> = {};

/** Every table to fingerprint, as `schema.table`, read from the database itself. */
export async function fingerprintedTables(): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.name).filter((name) => !(name in notFingerprinted));
}

let tables: string[] | undefined;

/**
 * A fingerprint of every row of every table: one query, each table summed as the 64-bit hashes of its
 * rows' text (order-free, so no sort) with its row count. `except` leaves a table out (`chainlink_calls`)
 * or one column of it (`api_keys.last_used_at`; then take both fingerprints with it), each for a
 * reason its caller gives. `client`: reuse one connection.
 */
export async function fingerprint({
  except = [] as string[],
  client = undefined as pg.Client | undefined,
} = {}): Promise<string> {
  tables ??= await fingerprintedTables();
  // "table" or "pgboss.table": the whole table; "table.column": one column of a table in public.
  const isTable = (e: string) => !e.includes(".") || /^(public|pgboss)\./.test(e);
  const skipped = new Set(except.filter(isTable).map((e) => (e.includes(".") ? e : `public.${e}`)));
  const columns = except.filter((e) => !isTable(e)).map((e) => e.split(".") as [string, string]);
  const branches = tables
    .filter((t) => !skipped.has(t))
    .map((t) => {
      const dropped = columns
        .filter(([table]) => `public.${table}` === t)
        .map(([, column]) => ` - '${column}'`)
        .join("");
      const row = dropped ? `(to_jsonb(r)${dropped})::text` : "r::text";
      return `select '${t}' as t, count(*) as n, coalesce(sum(hashtextextended(${row}, 0)::numeric), 0)::text as h from ${t} r`;
    });
  // The statement's snapshot comes first, so a later snapshot() can tell whether anything could have changed since.
  const text = [`select 'snapshot' as t, 0 as n, pg_current_snapshot()::text as h`, ...branches].join(" union all ");
  // Prepared once per connection and exception list: planning the union of every table costs more than running it.
  const name = `fingerprint ${except.join(",")}`.slice(0, 60);
  const rows = client
    ? (await client.query<{ t: string; n: string; h: string }>({ name, text })).rows
    : await query<{ t: string; n: string; h: string }>(text);
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("\n");
}

/** The tables two fingerprints disagree on, for a readable failure. */
export function changedTables(before: string, after: string): string[] {
  const was = new Set(before.split("\n"));
  return after
    .split("\n")
    .filter((line) => !was.has(line))
    .map((line) => line.split(":")[0])
    .filter((table) => table !== "snapshot");
}

/** The snapshot a statement on `client` sees now: xmin:xmax:transactions in progress (test/snapshot.test.ts). */
export async function snapshot(client: pg.Client): Promise<string> {
  return (await client.query<{ s: string }>({ name: "snapshot", text: "select pg_current_snapshot()::text as s" }))
    .rows[0].s;
}

/**
 * Fingerprints for a long run of nothing-changed checks on one connection. Each is taken again only
 * when a transaction that wrote has ended since the last one with the same exceptions: every write takes
 * a transaction id, and one that ends moves the snapshot's xmax past it or leaves its in-progress list, so
 * an equal snapshot (xmin:xmax:in progress) sees every table as it was. `counts` says how often each way.
 */
export function fingerprints(client: pg.Client) {
  const last = new Map<string, string>();
  const counts = { taken: 0, reused: 0 };
  async function take(except: string[] = []): Promise<string> {
    const known = last.get(except.join(","));
    if (known?.startsWith(`snapshot:0:${await snapshot(client)}\n`)) {
      counts.reused++;
      return known;
    }
    const fresh = await fingerprint({ except, client });
    counts.taken++;
    last.set(except.join(","), fresh);
    return fresh;
  }
  return { take, counts };
}

const root = path.resolve(import.meta.dirname, "..");

/** This checkout's e2e worker: the worker's entry (scripts/lib/worker-command.ts) run from this directory. */
function workerPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (
        cmdline.includes(workerArgs.at(-1)!) &&
        readlinkSync(`/proc/${entry}/cwd`) === root &&
        environ.includes(`DATABASE_URL=${url}`)
      )
        return Number(entry);
    } catch {
      // a process that ended while we looked, or one we may not read
    }
  }
  throw new Error(`found no e2e worker running from ${root}`);
}

/** The local ports of the worker's connections to Postgres, from ss's users:(("node",pid=123,fd=9)). */
function workerPorts(pid: number): number[] {
  const lines = execFileSync("ss", ["-Htnp", "state", "established", `dport = :${stack.pgPort}`], {
    encoding: "utf8",
  }).split("\n");
  return lines
    .filter((l) => l.includes(`pid=${pid},`))
    .map((l) => Number(/127\.0\.0\.1:(\d+)\s/.exec(l)?.[1]))
    .filter(Boolean);
}

/**
 * Runs `fn` with the worker stopped (SIGSTOP) at a moment none of its connections is inside a
 * statement or a transaction, so nothing changes but what the requests change; SIGCONT after.
 */
export async function whileWorkerQuiet<T>(fn: () => Promise<T>): Promise<T> {
  const pid = workerPid();
  for (let attempt = 0; ; attempt++) {
    process.kill(pid, "SIGSTOP");
    const ports = workerPorts(pid);
    const [{ busy }] = await query<{ busy: string }>(
      "select count(*) as busy from pg_stat_activity where client_port = any($1) and state <> 'idle'",
      [ports],
    );
    if (ports.length && busy === "0") break;
    process.kill(pid, "SIGCONT");
    if (attempt === 50) throw new Error("the worker never came to rest between statements");
    await new Promise((r) => setTimeout(r, 100));
  }
  // Even if this test process ends first (a timeout), a stopped worker would never stop on the stack's SIGTERM.
  const resume = () => process.kill(pid, "SIGCONT");
  process.once("exit", resume);
  try {
    return await fn();
  } finally {
    process.off("exit", resume);
    resume();
  }
}
