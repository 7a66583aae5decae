// Turns outbound events into notifications: every `alert.raised` reaches the people it concerns, as
// their subscriptions ask. A batch alert goes to the operating company's active staff (every role;
// organisation members are not told of alerts, so no batch crosses an organisation's scope); a system
// alert to its active admins. Without a subscription row: the inbox from high severity up, no email.
// Called by the outbox in the transaction that dispatches the events; an event twice adds nothing.
import { sql } from "drizzle-orm";

import type { Tx } from "@/lib/db";
import { alertSeverities, type roles } from "@/lib/db/enums";
import type { outboundEvents } from "@/lib/db/schema";
import { humanize } from "@/lib/format";

import { defaultSubscription, severityRank } from "./schemas";

export type OutboundEvent = typeof outboundEvents.$inferSelect;

type AlertData = {
  scope?: "batch" | "system";
  id?: number;
  type?: string;
  severity?: string;
  message?: string;
};

type Notice = { title: string; body: string; link: string; roles: readonly (typeof roles)[number][] };

/** What the notification says and where it links; null for an event that is not an alert raised. */
function noticeOf(event: OutboundEvent): Notice | null {
  if (event.type !== "alert.raised") return null;
  const data = event.data as { alert?: AlertData; batch?: { batch_code?: string } };
  const alert = data.alert ?? {};
  const what = humanize(alert.type ?? "alert");
  const body = alert.message ?? what;
  if (alert.scope === "system")
    return {
      title: `System: ${what}`,
      body,
      link: `/admin/system-alerts#alert-${alert.id ?? ""}`,
      roles: ["admin"],
    };
  if (event.batchId === null) return null;
  return {
    title: `${data.batch?.batch_code ?? `Batch ${event.batchId}`}: ${what}`,
    body,
    link: `/batches/${event.batchId}#alerts`,
    roles: ["admin", "operator", "verifier", "viewer"],
  };
}

const severityOf = (event: OutboundEvent) => {
  const s = event.severity ?? (event.data as { alert?: AlertData }).alert?.severity;
  return alertSeverities.find((x) => x === s) ?? null;
};

/** Adds each user's notifications for these events; returns how many were added. */
export async function addNotifications(tx: Tx, events: OutboundEvent[]): Promise<number> {
  let added = 0;
  for (const event of events) {
    const notice = noticeOf(event);
    const severity = severityOf(event);
    if (!notice || !severity) continue;
    const minRank = sql`array_position(array['low','medium','high','critical']::text[], coalesce(s.min_severity, ${defaultSubscription.min_severity}))`;
    const inInbox = sql`coalesce(s.in_inbox, ${defaultSubscription.in_inbox})`;
    const byEmail = sql`coalesce(s.by_email, ${defaultSubscription.by_email})`;
    const result = await tx.execute(sql`
      insert into notifications (user_id, event_id, severity, title, body, link, read_at, email_state)
      select u.id, ${event.id}, ${severity}, ${notice.title}, ${notice.body}, ${notice.link},
        case when ${inInbox} then null else now() end,
        case when ${byEmail} and u.email is not null then 'pending' else 'none' end
      from users u
      left join organisations o on o.id = u.organisation_id
      left join alert_subscriptions s on s.user_id = u.id
      where u.is_active and not u.is_pending
        and (u.organisation_id is null or o.kind = 'operator')
        and u.role = any(${sql`array[${sql.join(
          notice.roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`})
        and ${minRank} <= ${severityRank(severity)}
        and (${inInbox} or ${byEmail})
      on conflict (user_id, event_id) do nothing`);
    added += result.rowCount ?? 0;
  }
  return added;
}
