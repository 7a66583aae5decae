// npm run bench:api [-- --large N]: p50/p95 of the list endpoint (first page, a deep page, filter
// mixes, each filter, each sort, text searches, a rare filter; the first page again with an API
// key), of the dashboard metrics, of each analytics chart and of an audit record's proof, through
// the production server over HTTP as a signed-in viewer, at 10,000 batches and again after growing
// the same database to N (default 1,000,000); and how long the analytics rollups take to refresh,
// first from nothing and then with nothing changed. Prints JSON with the ratios. Needs a production
// build (`npm run build`); makes one when there is none.
import { parseArgs } from "node:util";
import { createWalletClient, http } from "viem";

import { refreshAnalytics } from "../lib/analytics/refresh";
import { recordAudit } from "../lib/audit/record";
import { createApiKey } from "../lib/auth/api-keys";
import { chainFor } from "../lib/chain/client";
import { operatorAccount } from "../lib/chain/dev-accounts";
import { auditPaths } from "../lib/db/schema";
import { anchorPending } from "../lib/provenance/anchor";
import { chartCases, listCases } from "./lib/bench-api-cases";
import { withBenchServer } from "./lib/bench-server";
import { withBenchStack, type BenchStack } from "./lib/bench-stack";
import { percentile } from "./lib/percentile";
import { seedScale } from "./lib/scale-seed";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "10000" },
    large: { type: "string", default: "1000000" },
    requests: { type: "string", default: "200" },
  },
});
const sizes = [Number(values.small), Number(values.large)];
const requests = Number(values.requests);
const log = (line: string) => console.error(`[bench] ${line}`);
const system = { kind: "system", id: "bench" } as const;

/** The rollups refreshed from nothing (every rollup table emptied, as on a new database), then again with nothing changed. */
async function measureRefresh(stack: BenchStack) {
  const { rows } = await stack.pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename like 'analytics\\_%'",
  );
  await stack.pool.query(`truncate ${rows.map((r) => r.name).join(", ")}`);
  const first = await refreshAnalytics(stack.db);
  const idle = await refreshAnalytics(stack.db);
  return { refresh_first_ms: first.durationMs, refresh_idle_ms: idle.durationMs };
}

async function measure(base: string, headers: Record<string, string>, url: string) {
  const get = async () => {
    const started = performance.now();
    const res = await fetch(base + url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await get());
  times.sort((a, b) => a - b);
  return { p50_ms: Number(percentile(times, 50).toFixed(2)), p95_ms: Number(percentile(times, 95).toFixed(2)) };
}

/**
 * A proof of a record in the middle of a 5,000-record anchor, as the trace page and
 * `GET /api/audit/{id}/proof` read it: built from the range's tree (the paths removed, as before
 * they were kept), then from the path kept when the anchor was sent.
 */
async function measureProof(stack: BenchStack, base: string, headers: Record<string, string>) {
  const { db, client, rpcUrl, deployment } = stack;
  const records = 5_000;
  await recordAudit(
    db,
    ...Array.from({ length: records }, (_, i) => ({
      entity: "bench",
      entityId: i,
      action: "bench.recorded",
      actor: system,
      after: { n: i },
    })),
  );
  const wallet = createWalletClient({
    account: operatorAccount,
    chain: chainFor(31337, rpcUrl),
    transport: http(rpcUrl),
  });
  const anchor = { client, wallet, chainId: 31337, address: deployment.auditAnchor!.address };
  const anchored = await anchorPending(db, anchor, { maxRecords: records });
  if (anchored.kind !== "anchored") throw new Error(`anchoring for the proof case: ${anchored.kind}`);
  const url = `/api/audit/${Math.ceil(records / 2)}/proof`;
  await db.delete(auditPaths);
  const built = await measure(base, headers, url);
  log(`proof_built_tree ${JSON.stringify(built)}`);
  await anchorPending(db, anchor);
  const kept = await measure(base, headers, url);
  log(`proof_kept_path ${JSON.stringify(kept)}`);
  return { records_in_anchor: records, proof_built_tree: built, proof_kept_path: kept };
}

const result = await withBenchStack((stack) =>
  withBenchServer(stack, log, async ({ base, cookie }) => {
    const { pool, db } = stack;
    // The same reads with a viewer's API key: a key call should cost what a session call costs.
    const { key } = await createApiKey(db, { name: "bench", role: "viewer", createdBy: null }, system);
    const callers = { session: { cookie }, api_key: { "x-api-key": key } };
    const figures: Record<number, Record<string, { p50_ms: number; p95_ms: number }>> = {};
    const refreshes: Record<number, Awaited<ReturnType<typeof measureRefresh>>> = {};
    let seeded = 0;
    for (const size of sizes) {
      log(`seeding to ${size.toLocaleString("en")} batches…`);
      await seedScale(pool, { from: seeded + 1, to: size, log: (line) => log(line) });
      seeded = size;
      await pool.query("vacuum analyze");
      refreshes[size] = await measureRefresh(stack);
      log(`${size}: ${JSON.stringify(refreshes[size])}`);
      await pool.query("vacuum analyze");
      figures[size] = {};
      for (const [name, url] of Object.entries({ ...listCases(size), ...chartCases() })) {
        figures[size][name] = await measure(base, callers.session, url);
        log(`${size}: ${name} ${JSON.stringify(figures[size][name])}`);
      }
      figures[size].list_first_page_api_key = await measure(base, callers.api_key, listCases(size).list_first_page);
      log(`${size}: list_first_page_api_key ${JSON.stringify(figures[size].list_first_page_api_key)}`);
    }
    const proof = await measureProof(stack, base, callers.session);
    const [small, large] = sizes;
    const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
    return {
      requests_per_case: requests,
      refreshes,
      figures,
      proof,
      p95_large_over_small: Object.fromEntries(
        Object.keys(figures[small]).map((name) => [
          name,
          ratio(figures[large][name].p95_ms, figures[small][name].p95_ms),
        ]),
      ),
      p95_deep_over_first: Object.fromEntries(
        sizes.map((size) => [size, ratio(figures[size].list_deep_page.p95_ms, figures[size].list_first_page.p95_ms)]),
      ),
    };
  }),
);
console.log(JSON.stringify(result, null, 2));
