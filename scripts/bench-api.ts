// npm run bench:api [-- --large N]: p50/p95 of the list endpoint (first page, a deep page, three
// filter mixes, the first page again with an API key), of the dashboard metrics and of an audit
// record's proof, through the production server over HTTP as a signed-in viewer, at 10,000 batches
// and again after growing the same database to N (default 1,000,000). Prints JSON with the ratios. Needs a production build (`npm run build`); makes one when there is none.
import { parseArgs } from "node:util";
import { createWalletClient, http } from "viem";

import { encodeCursor } from "../lib/api/cursor";
import { recordAudit } from "../lib/audit/record";
import { createApiKey } from "../lib/auth/api-keys";
import { chainFor } from "../lib/chain/client";
import { operatorAccount } from "../lib/chain/dev-accounts";
import { auditPaths } from "../lib/db/schema";
import { anchorPending } from "../lib/provenance/anchor";
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

/** The middle of the table, as a cursor for `sort=id&order=desc`: as deep as a page can be. */
const deepCursor = (batches: number) => {
  const id = Math.floor(batches / 2);
  return encodeCursor({ sort: "id", order: "desc", value: String(id), id });
};

const cases = (batches: number): Record<string, string> => ({
  list_first_page: "/api/batches?limit=25",
  list_deep_page: `/api/batches?limit=25&cursor=${deepCursor(batches)}`,
  list_origin_status: "/api/batches?limit=25&origin_country=Ethiopia&status=active,verified",
  list_grade_risk_by_quantity:
    "/api/batches?limit=25&quality_grade=specialty,premium&risk_level=low&sort=quantity_kg&order=desc",
  list_expiring_washed_by_expiry: "/api/batches?limit=25&expiry_window=90&process=washed&sort=expiry_date&order=asc",
  dashboard_metrics: "/api/dashboard/metrics",
});

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
    let seeded = 0;
    for (const size of sizes) {
      log(`seeding to ${size.toLocaleString("en")} batches…`);
      await seedScale(pool, { from: seeded + 1, to: size, log: (line) => log(line) });
      seeded = size;
      await pool.query("vacuum analyze");
      figures[size] = {};
      for (const [name, url] of Object.entries(cases(size))) {
        figures[size][name] = await measure(base, callers.session, url);
        log(`${size}: ${name} ${JSON.stringify(figures[size][name])}`);
      }
      figures[size].list_first_page_api_key = await measure(base, callers.api_key, cases(size).list_first_page);
      log(`${size}: list_first_page_api_key ${JSON.stringify(figures[size].list_first_page_api_key)}`);
    }
    const proof = await measureProof(stack, base, callers.session);
    const [small, large] = sizes;
    const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
    return {
      requests_per_case: requests,
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
