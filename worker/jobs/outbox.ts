// The outbox, every 2 s: follow the audit log and failed syncs into outbound events, dispatch the
// new events (deliveries and notifications, in one transaction), enqueue their first attempts after
// commit, and enqueue again any pending delivery whose job was lost (a minute overdue).
import { addNotifications } from "@/lib/notifications/fanout";
import { followAudit, followFailedSyncs } from "@/lib/outbox/follow";
import { dispatchEvents, staleDeliveries } from "@/lib/webhooks/dispatch";
import { getWebhookDeps } from "@/lib/webhooks/server";

import { timer } from "../job";

export const outbox = timer({
  name: "outbox",
  summary: "turns audited changes into webhook deliveries and notifications",
  everyMs: 2_000,
  async handle({ db }) {
    const { enqueue } = getWebhookDeps();
    await followAudit(db);
    await followFailedSyncs(db);
    for (;;) {
      const { events, jobs } = await dispatchEvents(db, addNotifications);
      await enqueue(jobs);
      if (events === 0) break;
    }
    const stale = await staleDeliveries(db);
    if (stale.length) console.log(`[worker] outbox: ${stale.length} overdue deliveries enqueued again`);
    await enqueue(stale);
  },
});
