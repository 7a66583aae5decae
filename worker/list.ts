// `npm run worker -- --list`: what runs when, with this configuration.
import type { WorkerDeps } from "./deps";
import { intervalOf, type Job, type Trigger } from "./job";

const moments: Record<Trigger, string> = { start: "start", "caught-up": "first catch-up" };

const every = (ms: number) =>
  ms % 3_600_000 === 0
    ? `every ${ms / 3_600_000} h`
    : ms % 60_000 === 0
      ? `every ${ms / 60_000} min`
      : `every ${ms / 1000} s`;

function when(job: Job, deps: WorkerDeps): string {
  if (job.kind === "schedule") return `cron "${job.cron(deps)}" (UTC)`;
  if (job.kind === "timer") return every(intervalOf(job, deps));
  if (job.kind === "queue") return `on demand, ${job.concurrency} at a time`;
  return "continuously";
}

/** One line per job: name, kind, when, the moments it also runs at, and why it is off if it is. */
export function listJobs(jobs: Job[], deps: WorkerDeps): string[] {
  const rows = jobs.map((job) => {
    const off = job.offBecause?.(deps);
    const also = job.also?.length ? `; also at ${job.also.map((t) => moments[t]).join(" and ")}` : "";
    return [job.name, job.kind, `${when(job, deps)}${also}`, off ? `off: ${off}` : job.summary];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ["name", "kind", "when"][i].length));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell))
      .join("  ")
      .trimEnd();
  return [line(["name", "kind", "when", "what"]), ...rows.map(line)];
}
