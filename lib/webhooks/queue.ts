// Delivery attempts as pg-boss jobs: one job per (delivery, attempt), so sending one twice queues it once.
import type PgBoss from "pg-boss";

import { webhookQueue } from "@/lib/jobs/boss";

import type { DeliveryJob } from "./deps";

export type DeliveryJobData = { deliveryId: number; attempt: number };

export const enqueueDeliveries = (boss: PgBoss) => async (jobs: DeliveryJob[]) => {
  for (const j of jobs)
    await boss.send(webhookQueue, { deliveryId: j.deliveryId, attempt: j.attempt } satisfies DeliveryJobData, {
      singletonKey: `${j.deliveryId}:${j.attempt}`,
      startAfter: j.startAfter,
    });
};
