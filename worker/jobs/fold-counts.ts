// The dashboard counters: their deltas folded into their totals (lib/stats/counts.ts).
import { foldQueue } from "@/lib/jobs/boss";
import { foldCounts } from "@/lib/stats/counts";
import type { ScheduledJob } from "../job";

export const foldCountsJob: ScheduledJob = {
  kind: "schedule",
  name: "fold-counts",
  summary: "folds the dashboard counters' deltas into their totals",
  queue: foldQueue,
  cron: () => "* * * * *",
  async handle({ db }) {
    await foldCounts(db);
  },
};
