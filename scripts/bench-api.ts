// npm run bench:api [-- --large N]: p50/p95 of the list endpoint (first page, a deep page, three
// filter mixes) and of the dashboard metrics, through the production server over HTTP as a
// signed-in viewer, at 10,000 batches and again after growing the same database to N (default
// 1,000,000). Prints JSON with the ratios. Needs a production build (`npm run build`); makes one when there is none.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { encodeCursor } from "../lib/api/cursor";
import { withBenchStack } from "./lib/bench-stack";
import { demoPassword, demoUsers, ensureDemoUsers } from "./lib/demo-users";
import { freePort } from "./lib/free-port";
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
const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.error(`[bench] ${line}`);

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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Signs in a viewer through next-auth's own form post, as the browser does; returns the session cookie. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const viewer = demoUsers.find((u) => u.role === "viewer")!;
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email: viewer.email, password: demoPassword, csrfToken }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return session;
}

async function measure(base: string, cookie: string, url: string) {
  const get = async () => {
    const started = performance.now();
    const res = await fetch(base + url, { headers: { cookie } });
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

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  log("no production build: running next build…");
  if (
    spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      stdio: "inherit",
    }).status !== 0
  )
    throw new Error("next build failed");
}

const result = await withBenchStack(async ({ db, pool, rpcUrl, deployment }) => {
  await ensureDemoUsers(db);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: (pool.options as { connectionString: string }).connectionString,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
    RPC_URL: rpcUrl,
    CHAIN_ID: "31337",
    BATCH_TOKEN_ADDRESS: deployment.batchToken.address,
  };
  const server = spawn(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 120) throw new Error("the server did not answer /api/health");
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await signIn(base);
    const figures: Record<number, Record<string, { p50_ms: number; p95_ms: number }>> = {};
    let seeded = 0;
    for (const size of sizes) {
      log(`seeding to ${size.toLocaleString("en")} batches…`);
      await seedScale(pool, { from: seeded + 1, to: size, log: (line) => log(line) });
      seeded = size;
      await pool.query("vacuum analyze");
      figures[size] = {};
      for (const [name, url] of Object.entries(cases(size))) {
        figures[size][name] = await measure(base, cookie, url);
        log(`${size}: ${name} ${JSON.stringify(figures[size][name])}`);
      }
    }
    const [small, large] = sizes;
    const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
    return {
      requests_per_case: requests,
      figures,
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
  } finally {
    server.kill("SIGTERM");
  }
});
console.log(JSON.stringify(result, null, 2));
