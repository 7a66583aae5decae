// Starts the registered jobs: pg-boss schedules and workers, timers and loops, and the moments
// (start, first catch-up) that run some of them at once. Resolves once the loops end after a stop.
import type PgBoss from "pg-boss";

import { startBoss } from "@/lib/jobs/boss";

import type { WorkerDeps } from "./deps";
import { firstLine, intervalOf, type Job, type LoopContext, type Trigger } from "./job";

export type Running = { stop: () => void; done: Promise<void> };

export function runJobs(jobs: Job[], deps: WorkerDeps): Running {
  const active = jobs.filter((job) => !job.offBecause?.(deps));
  let isStopping = false;
  const wakers = new Set<() => void>();
  const timers: NodeJS.Timeout[] = [];

  // A timer's run (and a triggered run) is skipped while the last one still runs; failures are logged.
  const busy = new Set<string>();
  const runOnce = async (job: Job & { handle: (deps: WorkerDeps) => Promise<void> }) => {
    if (busy.has(job.name)) return;
    busy.add(job.name);
    try {
      await job.handle(deps);
    } catch (error) {
      console.error(`[worker] ${job.name} failed: ${firstLine(error)}`);
    } finally {
      busy.delete(job.name);
    }
  };

  const bossReady = startBoss(deps.env.DATABASE_URL, "worker").then(async (boss) => {
    for (const job of active) if (job.kind === "schedule") await schedule(boss, job, deps);
    for (const job of active) if (job.kind === "queue") await work(boss, job, deps);
    return boss;
  });

  // Triggered jobs run in registry order: a timer's handler at once (awaited), a scheduled job enqueued.
  const emit = (trigger: Trigger) =>
    void (async () => {
      for (const job of active.filter((j) => j.also?.includes(trigger))) {
        if (isStopping) return;
        if (job.kind === "timer") await runOnce(job);
        if (job.kind === "schedule")
          await bossReady
            .then((b) => b.send(job.name, {}))
            .catch((e: Error) => console.error(`[worker] could not enqueue ${job.name}: ${firstLine(e)}`));
      }
    })();

  // Each loop its own: a wake while it is not sleeping (a block announced mid-round) ends its next sleep at once.
  const contextFor = (): LoopContext => {
    let wakeSleep: (() => void) | undefined;
    let isWoken = false;
    return {
      isStopping: () => isStopping,
      sleep: (ms) => {
        if (isStopping || isWoken) return Promise.resolve(void (isWoken = false));
        return new Promise<void>((resolve) => {
          const wake = () => (clearTimeout(timer), wakers.delete(wake), (wakeSleep = undefined), resolve());
          const timer = setTimeout(wake, ms);
          wakers.add(wake);
          wakeSleep = wake;
        });
      },
      wake: () => (wakeSleep ? wakeSleep() : void (isWoken = true)),
      emit,
    };
  };

  emit("start");
  for (const job of active)
    if (job.kind === "timer") timers.push(setInterval(() => void runOnce(job), intervalOf(job, deps)));
  const loops = bossReady.then(() =>
    Promise.all(active.filter((job) => job.kind === "loop").map((job) => job.run(deps, contextFor()))),
  );
  const done = loops.then(async () => {
    // A sync stopped midway is simply run again later: every page is idempotent.
    await (await bossReady).stop({ graceful: true, wait: true, timeout: 10_000 });
  });
  const stop = () => {
    isStopping = true;
    timers.forEach(clearInterval);
    [...wakers].forEach((wake) => wake());
  };
  return { stop, done };
}

async function schedule(boss: PgBoss, job: Extract<Job, { kind: "schedule" }>, deps: WorkerDeps) {
  await boss.schedule(job.name, job.cron(deps), {}, { tz: "UTC" });
  await boss.work<object>(job.name, { batchSize: 1 }, async ([j]) => job.handle(deps, j));
}

async function work(boss: PgBoss, job: Extract<Job, { kind: "queue" }>, deps: WorkerDeps) {
  for (let i = 0; i < job.concurrency; i++)
    await boss.work<object>(job.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([j]) => job.handle(deps, j));
}
