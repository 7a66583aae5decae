// npm run seed:scale [-- --batches N]: fills a database with N batches (default 1,000,000) and their
// history, straight into Postgres, then refreshes the analytics rollups over it. DATABASE_URL chooses the database; without it, the running dev
// stack's embedded one (npm run dev). A rerun adds batches after the last seeded one.
import { parseArgs } from "node:util";

import { refreshAnalytics } from "../lib/analytics/refresh";
import { createDb } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { lastSeeded, seedScale } from "./lib/scale-seed";

const { values } = parseArgs({ options: { batches: { type: "string", default: "1000000" } } });
const target = Number(values.batches);
if (!Number.isInteger(target) || target < 1)
  throw new Error(`--batches must be a positive whole number, not ${values.batches}`);

const url =
  process.env.DATABASE_URL ?? `postgres://postgres:batchtrail@127.0.0.1:${process.env.PG_PORT ?? 54329}/batchtrail`;
const { db, pool } = createDb(url, 2);
try {
  await migrate(pool);
  const from = (await lastSeeded(pool)) + 1;
  const started = performance.now();
  const written =
    from > target ? 0 : await seedScale(pool, { from, to: target, log: (line) => console.error(`[seed] ${line}`) });
  // The history is dated up to two years back: the analytics rollups take it in from its start.
  console.error("[seed] refreshing the analytics rollups…");
  await refreshAnalytics(db, { from: new Date(Date.now() - 3 * 365 * 86_400_000) });
  console.log(
    JSON.stringify({ batches: target, written, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }),
  );
} catch (error) {
  if ((error as { code?: string }).code === "ECONNREFUSED")
    console.error(
      `No database at ${url.replace(/:[^:@/]+@/, ":***@")}: start the stack (npm run dev) or set DATABASE_URL.`,
    );
  throw error;
} finally {
  await pool.end();
}
