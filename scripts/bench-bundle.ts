// npm run bench:bundle: the JavaScript a signed-in page loads first, in Chromium through the
// production server: every script fetched until the network is idle, raw and gzipped (as the server
// sends it), per page. The inventory's gzipped figure is the one kept under 200 kB (wallet code only
// on pages that need it). Needs a production build (`npm run build`); makes one when there is none.
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";

import { findChromium } from "../e2e/browser";
import { withBenchServer } from "./lib/bench-server";
import { withBenchStack } from "./lib/bench-stack";

const pages = ["/inventory", "/dashboard", "/analytics", "/verification", "/eudr"];
const budgetKb = 200;
const log = (line: string) => console.error(`[bench] ${line}`);
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

const result = await withBenchStack((stack) =>
  withBenchServer(stack, log, async ({ base, cookie }) => {
    const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
    try {
      const [name, value] = cookie.split(/=(.*)/s);
      const figures: Record<string, { scripts: number; raw_kb: number; gzip_kb: number }> = {};
      for (const path of pages) {
        const context = await browser.newContext();
        await context.addCookies([{ name, value, url: base }]);
        const page = await context.newPage();
        const bodies: Promise<Buffer>[] = [];
        page.on("response", (res) => {
          if (res.request().resourceType() === "script") bodies.push(res.body());
        });
        const res = await page.goto(base + path, { waitUntil: "networkidle" });
        if (!res?.ok() || new URL(page.url()).pathname !== path)
          throw new Error(`${path}: ${res?.status()} at ${page.url()}`);
        const scripts = await Promise.all(bodies);
        figures[path] = {
          scripts: scripts.length,
          raw_kb: kb(scripts.reduce((sum, b) => sum + b.length, 0)),
          gzip_kb: kb(scripts.reduce((sum, b) => sum + gzipSync(b).length, 0)),
        };
        log(`${path}: ${JSON.stringify(figures[path])}`);
        await context.close();
      }
      const inventory = figures["/inventory"].gzip_kb;
      return { first_load_js: figures, inventory_budget_kb: budgetKb, inventory_within_budget: inventory < budgetKb };
    } finally {
      await browser.close();
    }
  }),
);
console.log(JSON.stringify(result, null, 2));
