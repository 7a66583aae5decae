// The production server for a benchmark, over a bench stack (scripts/lib/bench-stack.ts): built
// first when there is no build, started with `next start`, ready once /api/health answers, and
// signed in as the demo viewer the way a browser signs in; with `worker`, the worker runs beside it
// (so the listener indexes what the benchmark mints). Both stopped when the benchmark ends.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import type { BenchStack } from "./bench-stack";
import { demoPassword, demoUsers, ensureDemoUsers } from "./demo-users";
import { freePort } from "./free-port";
import { workerArgs } from "./worker-command";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export type BenchServer = { base: string; cookie: string };

/** The worker's own settings, on top of the server's: RPC_WS_URL, say. */
export type BenchWorker = Record<string, string>;

function ensureBuild(log: (line: string) => void) {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  log("no production build: running next build…");
  if (spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" }).status !== 0)
    throw new Error("next build failed");
}

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

export async function withBenchServer<T>(
  { db, pool, rpcUrl, deployment }: BenchStack,
  log: (line: string) => void,
  run: (server: BenchServer) => Promise<T>,
  worker?: BenchWorker,
): Promise<T> {
  ensureBuild(log);
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
    AUDIT_ANCHOR_ADDRESS: deployment.auditAnchor?.address,
  };
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const workerProcess =
    worker &&
    spawn(process.execPath, workerArgs, {
      cwd: root,
      env: { ...env, ...worker },
      stdio: ["ignore", "ignore", "inherit"],
    });
  try {
    for (let i = 0; ; i++) {
      const isUp = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (isUp) break;
      if (i > 120) throw new Error("the server did not answer /api/health");
      await new Promise((r) => setTimeout(r, 500));
    }
    return await run({ base, cookie: await signIn(base) });
  } finally {
    server.kill("SIGTERM");
    // Stopped before the stack's Postgres goes, so its last writes do not fail.
    if (workerProcess && workerProcess.exitCode === null) {
      const exited = new Promise((resolve) => workerProcess.once("exit", resolve));
      workerProcess.kill("SIGTERM");
      const stuck = setTimeout(() => workerProcess.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(stuck);
    }
  }
}
