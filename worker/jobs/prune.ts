// Expired nonces, tokens and rate-limit windows, deleted hourly (lib/jobs/prune.ts).
import { pruneQueue } from "@/lib/jobs/boss";
import { pruneExpired } from "@/lib/jobs/prune";
import type { ScheduledJob } from "../job";

export const prune: ScheduledJob = {
  kind: "schedule",
  name: "prune",
  summary: "deletes expired nonces, tokens and rate-limit windows",
  queue: pruneQueue,
  cron: () => "17 * * * *",
  async handle({ db }) {
    const pruned = await pruneExpired(db);
    if (Object.values(pruned).some((n) => n > 0)) console.log(`[worker] pruned ${JSON.stringify(pruned)}`);
  },
};
