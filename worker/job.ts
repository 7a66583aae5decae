// What a worker job is: a name, when it runs (a pg-boss schedule, a timer, or a loop that runs as
// long as the worker does), and its handler. worker/registry.ts lists them all.
import type { WorkerDeps } from "./deps";

/** Moments a job also runs at: the worker's start, and the first time the listener catches up. */
export type Trigger = "start" | "caught-up";

type Common = {
  name: string;
  /** One line for `npm run worker -- --list`. */
  summary: string;
  /** Also run at these moments; a scheduled job is then enqueued, so its queue's retries apply. */
  also?: Trigger[];
  /** Why the job is off with this configuration, or null when it runs. */
  offBecause?: (deps: WorkerDeps) => string | null;
};

/** A pg-boss queue named `name`, with a cron schedule (UTC), worked one job at a time; the app may enqueue to it too. */
export type ScheduledJob = Common & {
  kind: "schedule";
  cron: (deps: WorkerDeps) => string;
  handle: (deps: WorkerDeps, job: { id: string; data: object }) => Promise<void>;
};

/** A pg-boss queue named `name` that others send to (the app, other jobs), worked by `concurrency` workers here. */
export type QueueJob = Common & {
  kind: "queue";
  concurrency: number;
  handle: (deps: WorkerDeps, job: { id: string; data: object }) => Promise<void>;
};

/** Runs every `everyMs` (or what the configuration says) in this process; a tick is skipped while the last one still runs. */
export type TimerJob = Common & {
  kind: "timer";
  everyMs: number | ((deps: WorkerDeps) => number);
  handle: (deps: WorkerDeps) => Promise<void>;
};

export const intervalOf = (job: TimerJob, deps: WorkerDeps) =>
  typeof job.everyMs === "function" ? job.everyMs(deps) : job.everyMs;

export type LoopContext = {
  isStopping: () => boolean;
  /** Waits, or less if the worker stops or `wake()` is called (during the wait, or since the last one). */
  sleep: (ms: number) => Promise<void>;
  wake: () => void;
  /** Runs the jobs that also run at this moment. */
  emit: (trigger: Trigger) => void;
};

/** Runs as long as the worker does. */
export type LoopJob = Common & { kind: "loop"; run: (deps: WorkerDeps, ctx: LoopContext) => Promise<void> };

export type Job = ScheduledJob | QueueJob | TimerJob | LoopJob;

export const scheduled = (job: Omit<ScheduledJob, "kind">): ScheduledJob => ({ kind: "schedule", ...job });
export const queue = (job: Omit<QueueJob, "kind">): QueueJob => ({ kind: "queue", ...job });
export const timer = (job: Omit<TimerJob, "kind">): TimerJob => ({ kind: "timer", ...job });
export const loop = (job: Omit<LoopJob, "kind">): LoopJob => ({ kind: "loop", ...job });

export const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];
