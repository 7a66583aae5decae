// The dashboard counters: their deltas folded into their totals (lib/stats/counts.ts).
import { foldQueue } from "@/lib/jobs/boss";
import { foldCounts } from "@/lib/stats/counts";

import { scheduled } from "../job";

export const foldCountsJob = scheduled({
  name: foldQueue,
  summary: "folds the dashboard counters' deltas into their totals",
  cron: () => "* * * * *",
  async handle({ db }) {
    await foldCounts(db);
  },
});
