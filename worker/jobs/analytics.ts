// The analytics rollups (lib/analytics/refresh.ts): at start, so the page has data at once, every
// 5 minutes, and once the mirror first catches up. A failed run needs no retry: the next catches up.
import { refreshAnalytics } from "@/lib/analytics/refresh";
import { analyticsQueue } from "@/lib/jobs/boss";

import { firstLine, scheduled } from "../job";

export const analytics = scheduled({
  name: analyticsQueue,
  summary: "refreshes the analytics rollups",
  cron: () => "*/5 * * * *",
  also: ["start", "caught-up"],
  async handle({ db }) {
    try {
      const r = await refreshAnalytics(db);
      console.log(`[worker] analytics rollups refreshed from ${r.from} in ${r.durationMs} ms`);
    } catch (error) {
      console.error(`[worker] analytics refresh failed: ${firstLine(error)}`);
    }
  },
});
