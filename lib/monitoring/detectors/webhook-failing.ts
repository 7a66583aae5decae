// An active webhook endpoint keeps failing: pause it before it is disabled.
import { sql } from "drizzle-orm";

import type { Detector } from "../detector";

export const failingStreak = 5;

export const webhookFailing: Detector = {
  name: "webhook_failing",
  alert: "system",
  recommends: "pause_webhook",
  rule: "An active webhook endpoint's latest deliveries failed one after another.",
  threshold: `failure streak ≥ ${failingStreak}`,
  async detect({ db }) {
    const { rows } = await db.execute<{ id: number; url: string; streak: number; last_status_code: number | null }>(sql`
      select e.id::int, e.url, e.failure_streak as streak,
        (select d.last_status_code from webhook_deliveries d where d.endpoint_id = e.id and d.attempts > 0 order by d.id desc limit 1) as last_status_code
      from webhook_endpoints e where e.status = 'active' and e.failure_streak >= ${failingStreak} order by e.id`);
    return {
      figures: { failing_endpoints: rows.length },
      findings: rows.map((r) => ({
        source: `webhook:${r.id}`,
        endpointId: Number(r.id),
        severity: "medium" as const,
        message: `Webhook endpoint ${r.id} (${r.url}) failed ${r.streak} deliveries in a row.`,
        evidence: { endpoint_id: Number(r.id), url: r.url, streak: r.streak, last_status_code: r.last_status_code },
      })),
    };
  },
};
