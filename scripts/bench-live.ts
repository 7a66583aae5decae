// npm run bench:live [-- --mints 20 --poll]: how long a batch minted on chain takes to show on an
// open inventory page. The production server and the worker (listener on anvil's WebSocket head
// subscription; polling with --poll) over a fresh stack; the inventory open in Chromium as a signed-in
// viewer; N batches minted one at a time through the contract. Per mint, from its receipt (when
// waitForTransactionReceipt resolves) to its row in the page's DOM, with where the time went: the
// commit's NOTIFY as the bench's own LISTEN hears it, the stream's `change` in the page. Page times
// are performance.timeOrigin + now, so every clock is this machine's wall clock. Prints JSON.
// Needs a production build (`npm run build`); makes one when there is none.
import { parseArgs } from "node:util";
import pg from "pg";
import { chromium, type Page } from "playwright";

import { findChromium } from "../e2e/browser";
import { producerAccounts } from "../lib/chain/dev-accounts";
import { withBenchServer } from "./lib/bench-server";
import { withBenchStack } from "./lib/bench-stack";
import { demoBatches } from "./lib/demo-batches";
import { mintBatch } from "./lib/mint";
import { percentile } from "./lib/percentile";

const { values } = parseArgs({
  options: { mints: { type: "string", default: "20" }, poll: { type: "boolean", default: false } },
});
const mints = Number(values.mints);
const log = (line: string) => console.error(`[bench] ${line}`);

/** What the page records: each row's first appearance by token id, and each stream `change`. */
type Probe = { rows: Record<string, number>; changes: number[] };

// Plain JavaScript in a string: a function passed from here would carry tsx's helpers the page lacks.
const probeScript = `
  const probe = { rows: {}, changes: [] };
  window.probe = probe;
  const now = () => performance.timeOrigin + performance.now();
  const Source = window.EventSource;
  window.EventSource = class extends Source {
    constructor(url, init) {
      super(url, init);
      this.addEventListener("change", () => probe.changes.push(now()));
    }
  };
  const scan = () => {
    for (const tr of document.querySelectorAll("tbody tr[data-token-id]"))
      probe.rows[tr.getAttribute("data-token-id")] ??= now();
  };
  document.addEventListener("DOMContentLoaded", () => {
    scan();
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  });
`;

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { probe: Probe }).probe);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms));
/** From one moment to a later one, or null when either was not seen. */
const gap = (from: number | undefined, to: number | undefined) =>
  from === undefined || to === undefined ? null : Math.round(to - from);

/** The first moment at or after `since`. */
const firstAfter = (times: number[], since: number) => times.filter((t) => t >= since).sort((a, b) => a - b)[0];

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)), max_ms: round(sorted.at(-1)) };
}

type Sample = {
  token_id: number;
  receipt_to_row_ms: number | null;
  receipt_to_commit_ms: number | null;
  commit_to_stream_ms: number | null;
  stream_to_row_ms: number | null;
};

const result = await withBenchStack((stack) => {
  const wsUrl = stack.rpcUrl.replace(/^http/, "ws");
  const worker: Record<string, string> = values.poll ? {} : { RPC_WS_URL: wsUrl };
  return withBenchServer(
    stack,
    log,
    async ({ base, cookie }) => {
      // Every commit the triggers announce, as a LISTEN of our own hears it.
      const commits: number[] = [];
      const listen = new pg.Client({
        connectionString: (stack.pool.options as { connectionString: string }).connectionString,
      });
      await listen.connect();
      await listen.query("listen batchtrail_changes");
      listen.on("notification", (n) => n.payload === "batches" && commits.push(Date.now()));
      log("server and worker up; opening /inventory");
      const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
      try {
        const context = await browser.newContext();
        const [name, value] = cookie.split(/=(.*)/s);
        await context.addCookies([{ name, value, url: base }]);
        const page = await context.newPage();
        await page.addInitScript({ content: probeScript });
        await page.goto(`${base}/inventory`);
        await page
          .getByTestId("live-state")
          .filter({ hasText: /^Live$/ })
          .waitFor({ timeout: 30_000 });

        log("page live; minting");
        const target = { client: stack.client, rpcUrl: stack.rpcUrl, address: stack.deployment.batchToken.address };
        const batches = demoBatches(mints + 1, new Date(), 7);
        const samples: Sample[] = [];
        // The first mint warms the server, the worker and the page up and is not counted.
        for (const [i, batch] of batches.entries()) {
          batch.metadata.batch_code = `BENCH-LIVE-${i}`;
          const sent = Date.now();
          const { tokenId } = await mintBatch(target, producerAccounts[i % producerAccounts.length], batch);
          const receipt = Date.now();
          log(`minted token ${tokenId}`);
          let probe = await readProbe(page);
          for (const deadline = receipt + 20_000; !probe.rows[String(tokenId)]; probe = await readProbe(page)) {
            if (Date.now() > deadline)
              throw new Error(
                `token ${tokenId} did not reach the page within 20 s (page: ${JSON.stringify(probe)}, commits: ${commits.length})`,
              );
            await sleep(20);
          }
          const row = probe.rows[String(tokenId)];
          const commit = firstAfter(commits, sent);
          const change = firstAfter(probe.changes, sent);
          const sample: Sample = {
            token_id: Number(tokenId),
            receipt_to_row_ms: gap(receipt, row),
            receipt_to_commit_ms: gap(receipt, commit),
            commit_to_stream_ms: gap(commit, change),
            stream_to_row_ms: gap(change, row),
          };
          if (i > 0) samples.push(sample);
          log(`${i === 0 ? "warm-up " : ""}mint ${i}: ${JSON.stringify(sample)}`);
          // Mints apart, as people make them, rather than in step with any poll or throttle.
          await sleep(1_000 + Math.random() * 1_000);
        }
        const of = (key: Exclude<keyof Sample, "token_id">) =>
          summary(samples.map((s) => s[key]).filter((v): v is number => v !== null));
        return {
          head_source: values.poll ? "poll (INDEXER_POLL_MS)" : `websocket ${wsUrl}`,
          mints: samples.length,
          receipt_to_row: of("receipt_to_row_ms"),
          breakdown: {
            receipt_to_commit: of("receipt_to_commit_ms"),
            commit_to_stream: of("commit_to_stream_ms"),
            stream_to_row: of("stream_to_row_ms"),
          },
          samples,
        };
      } finally {
        await browser.close();
        await listen.end();
      }
    },
    worker,
  );
});
console.log(JSON.stringify(result, null, 2));
