// One webhook delivery attempt per job, four at a time; a failed attempt's next try is a new job
// (lib/webhooks/deliver.ts decides when, and whether the endpoint is disabled).
import { webhookQueue } from "@/lib/jobs/boss";
import { attemptDelivery } from "@/lib/webhooks/deliver";
import type { DeliveryJobData } from "@/lib/webhooks/queue";
import { getWebhookDeps } from "@/lib/webhooks/server";

import { queue } from "../job";

export const webhookDelivery = queue({
  name: webhookQueue,
  summary: "sends one webhook delivery attempt",
  concurrency: 4,
  async handle({ db }, job) {
    const deps = getWebhookDeps();
    const outcome = await attemptDelivery(db, deps, job.data as DeliveryJobData);
    if ("status" in outcome && outcome.next) await deps.enqueue([outcome.next]);
  },
});
