// The worker's registry: every job file is registered, and `npm run worker -- --list` names each one.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

import type { Job } from "@/worker/job";
import { jobs } from "@/worker/registry";

const jobsDir = path.resolve(import.meta.dirname, "../worker/jobs");
const isJob = (value: unknown): value is Job =>
  typeof value === "object" && value !== null && "kind" in value && "name" in value;

// A configuration that parses; --list connects to nothing.
const env = {
  ...process.env,
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/nothing",
  RPC_URL: "http://127.0.0.1:1",
  CHAIN_ID: "31337",
  BATCH_TOKEN_ADDRESS: "0x0000000000000000000000000000000000000001",
  AUTH_SECRET: "worker-registry-test-secret-worker-registry",
  SYNC_CRON: "7 3 * * *",
};

describe("worker registry", () => {
  it("registers every job that a file in worker/jobs exports, each under its own name", async () => {
    const exported: Job[] = [];
    for (const file of readdirSync(jobsDir).filter((f) => f.endsWith(".ts"))) {
      const found = Object.values(await import(path.join(jobsDir, file))).filter(isJob);
      expect(found.length, `worker/jobs/${file} exports no job`).toBeGreaterThan(0);
      exported.push(...found);
    }
    expect(exported.filter((job) => !jobs.includes(job)).map((job) => job.name)).toEqual([]);
    expect(new Set(jobs.map((job) => job.name)).size).toBe(jobs.length);
  });

  it("npm run worker -- --list prints every registered job with its kind and when it runs", async () => {
    const { stdout } = await promisify(execFile)("npm", ["run", "-s", "worker", "--", "--list"], {
      env,
      cwd: path.resolve(import.meta.dirname, ".."),
    });
    const rows = new Map(
      stdout
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => [line.split(/\s+/)[0], line] as const),
    );
    expect([...rows.keys()].sort()).toEqual(jobs.map((job) => job.name).sort());
    for (const job of jobs) expect(rows.get(job.name)).toContain(` ${job.kind} `);
    expect(rows.get("sync")).toContain('cron "7 3 * * *" (UTC)');
    expect(rows.get("transactions")).toContain("every 15 s");
    expect(rows.get("listener")).toContain("continuously");
    expect(rows.get("anchor")).toContain("off: no AUDIT_ANCHOR_ADDRESS");
  });
});
