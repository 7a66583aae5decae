// Every job the worker runs, in the order it starts them (and runs the ones a moment triggers).
// A job file under worker/jobs that is not listed here fails test/worker-registry.test.ts.
import type { Job } from "./job";
import { analytics } from "./jobs/analytics";
import { anchor } from "./jobs/anchor";
import { expiry } from "./jobs/expiry";
import { foldCountsJob } from "./jobs/fold-counts";
import { fulfiller } from "./jobs/fulfiller";
import { listener } from "./jobs/listener";
import { mail } from "./jobs/mail";
import { monitor } from "./jobs/monitor";
import { orders } from "./jobs/orders";
import { outbox } from "./jobs/outbox";
import { prune } from "./jobs/prune";
import { status } from "./jobs/status";
import { sync } from "./jobs/sync";
import { transactions } from "./jobs/transactions";
import { webhookDelivery } from "./jobs/webhook-delivery";

export const jobs: Job[] = [
  listener,
  fulfiller,
  sync,
  prune,
  foldCountsJob,
  expiry,
  analytics,
  anchor,
  transactions,
  orders,
  status,
  // webhooks (issue 20)
  outbox,
  webhookDelivery,

  // notifications (issue 20)
  mail,

  // monitoring (issue 20)
  monitor,
];
