// A real SMTP catcher on a free port, writing to the test's database, and a mailer pointed at it.
import type { Db } from "@/lib/db";
import { startMailCatcher, type MailCatcher } from "@/lib/mail/catcher";
import { listCaughtMails } from "@/lib/mail/caught";
import { createMailer, type Mailer } from "@/lib/mail/mailer";
import { freePort } from "@/scripts/lib/free-port";

export async function startTestMail(db: Db): Promise<{ catcher: MailCatcher; mailer: Mailer }> {
  const catcher = await startMailCatcher(db, await freePort());
  return { catcher, mailer: createMailer({ smtpUrl: catcher.url, from: "Batchtrail <no-reply@batchtrail.test>" }) };
}

/** The token in the newest mail to `to` whose link goes to `path`. */
export async function tokenFromMail(db: Db, to: string, path: string): Promise<string> {
  const [mail] = await listCaughtMails(db, { to, limit: 1 });
  const match = mail?.textBody?.match(new RegExp(`${path}\\?token=([\\w-]+)`));
  if (!match) throw new Error(`no ${path} link in the last mail to ${to}`);
  return match[1];
}
