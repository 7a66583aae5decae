// The audit log's new records anchored on AuditAnchor (lib/provenance/anchor.ts): on ANCHOR_CRON and
// once the indexer first catches up; a failed send is retried with backoff by its queue.
import { anchorQueue } from "@/lib/jobs/boss";
import { anchorPending } from "@/lib/provenance/anchor";

import { scheduled } from "../job";

export const anchor = scheduled({
  name: anchorQueue,
  summary: "anchors new audit records on the AuditAnchor contract",
  cron: ({ env }) => env.ANCHOR_CRON,
  also: ["caught-up"],
  offBecause: (deps) =>
    deps.anchorer ? null : "no AUDIT_ANCHOR_ADDRESS, or no ANCHOR_PRIVATE_KEY off the local chain",
  async handle({ db, anchorer }) {
    const outcome = await anchorPending(db, anchorer!);
    if (outcome.kind === "anchored")
      for (const r of outcome.ranges)
        console.log(`[worker] anchored audit records ${r.from}–${r.to} in block ${r.blockNumber} (${r.txHash})`);
    if (outcome.kind === "broken") console.error(`[worker] anchoring stopped: ${outcome.reason}`);
  },
});
