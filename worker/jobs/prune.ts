// Expired nonces, tokens and rate-limit windows, deleted hourly (lib/jobs/prune.ts).
import { pruneQueue } from "@/lib/jobs/boss";
import { pruneExpired } from "@/lib/jobs/prune";

import { scheduled } from "../job";

export const prune = scheduled({
  name: pruneQueue,
  summary: "deletes expired nonces, tokens and rate-limit windows",
  cron: () => "17 * * * *",
  async handle({ db }) {
    const pruned = await pruneExpired(db);
    if (Object.values(pruned).some((n) => n > 0)) console.log(`[worker] pruned ${JSON.stringify(pruned)}`);
  },
});
