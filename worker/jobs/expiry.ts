// Expiry alerts (lib/alerts/expiry.ts): once the mirror first catches up, then hourly; a failure is
// logged and the next hour tries again.
import { flagExpiry } from "@/lib/alerts/expiry";

import { timer } from "../job";

export const expiry = timer({
  name: "expiry",
  summary: "raises alerts for batches past or near their expiry",
  everyMs: 3_600_000,
  also: ["caught-up"],
  async handle({ db }) {
    const r = await flagExpiry(db);
    if (r.raised > 0) console.log(`[worker] expiry check: ${r.raised} alerts raised (${r.checked} batches checked)`);
  },
});
