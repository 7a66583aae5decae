// Alert mail: every 10 s, each user's pending alert notifications go out as one mail or a digest
// (lib/notifications/mail.ts keeps it to one mail per user per 10 minutes).
import { sendPendingMail } from "@/lib/notifications/mail";

import { timer } from "../job";

export const mail = timer({
  name: "mail",
  summary: "mails users their pending alert notifications, one mail or a digest per 10 minutes",
  everyMs: 10_000,
  offBecause: (deps) => (deps.env.SMTP_URL ? null : "no SMTP_URL"),
  async handle(deps) {
    // The worker has no request to take a host from: links use the configured origin, or the local default.
    const appUrl = deps.env.PUBLIC_APP_URL ?? deps.env.AUTH_URL ?? "http://localhost:3000";
    const run = await sendPendingMail(deps.db, deps.mailer, { appUrl });
    if (run.sent || run.failed) console.log(`[worker] alert mail: ${run.sent} sent, ${run.failed} failed`);
  },
});
