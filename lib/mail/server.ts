import "server-only";

import { getEnv } from "@/lib/env";

import { createMailer, type Mailer } from "./mailer";

let cached: Mailer | undefined;

/** The app's mailer, from SMTP_URL and MAIL_FROM. */
export function getMailer(): Mailer {
  const env = getEnv();
  cached ??= createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  return cached;
}
