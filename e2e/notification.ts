// Stages a notification in the e2e stack's database, as the outbox's dispatch adds one for an alert:
// an `alert.raised` outbound event and the user's notification of it.
import { query } from "./db";

type Staged = { severity?: string; title: string; body: string; link: string; emailState?: "none" | "pending" };

/** A notification for the user with this email; its id. */
export async function stageNotification(email: string, n: Staged): Promise<number> {
  const severity = n.severity ?? "high";
  const [event] = await query<{ id: string }>(
    `insert into outbound_events (type, source, severity, data)
     values ('alert.raised', $1, $2, jsonb_build_object('alert', jsonb_build_object('scope', 'batch', 'message', $3::text)))
     returning id`,
    [`e2e:notification-${Math.floor(Math.random() * 1e9)}`, severity, n.body],
  );
  const [row] = await query<{ id: string }>(
    `insert into notifications (user_id, event_id, severity, title, body, link, email_state)
     select id, $2, $3, $4, $5, $6, $7 from users where email = $1
     returning id`,
    [email, event.id, severity, n.title, n.body, n.link, n.emailState ?? "none"],
  );
  if (!row) throw new Error(`no user ${email} to stage a notification for`);
  return Number(row.id);
}
