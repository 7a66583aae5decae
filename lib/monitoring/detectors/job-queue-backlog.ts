// Jobs wait too long for a worker, or too many are queued.
import { checkJobQueue, thresholds } from "@/lib/system/checks";

import type { Detector } from "../detector";

export const maxQueued = 1000;

export const jobQueueBacklog: Detector = {
  name: "job_queue_backlog",
  alert: "system",
  rule: "A ready job has waited too long for a worker, or too many jobs are queued.",
  threshold: `oldest wait > ${thresholds.jobWaitSeconds} s or queued > ${maxQueued}`,
  async detect({ db }, now) {
    const check = await checkJobQueue(db, now);
    if (check.state === "down") throw new Error(check.message);
    const d = check.details as { queued: number; oldest_wait_seconds: number | null; queues: object };
    const figures = { queued: d.queued, oldest_wait_seconds: d.oldest_wait_seconds, queues: d.queues };
    const isLate = d.oldest_wait_seconds !== null && d.oldest_wait_seconds > thresholds.jobWaitSeconds;
    if (!isLate && d.queued <= maxQueued) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: "job_queue",
          severity: "medium",
          message: isLate
            ? `A job has waited ${d.oldest_wait_seconds} s for a worker (${d.queued} queued).`
            : `${d.queued} jobs are queued (more than ${maxQueued}).`,
          evidence: figures,
        },
      ],
    };
  },
};
