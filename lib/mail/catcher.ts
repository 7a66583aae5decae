// The embedded default's SMTP server: it accepts any mail on localhost and keeps it in caught_mails.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

import type { Db } from "@/lib/db";
import { caughtMails } from "@/lib/db/schema";

export type MailCatcher = { url: string; stop: () => Promise<void> };

export async function startMailCatcher(db: Db, port: number): Promise<MailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: 1024 * 1024,
    onData(stream, session, done) {
      simpleParser(stream)
        .then((parsed) =>
          db.insert(caughtMails).values({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? null,
            textBody: parsed.text ?? null,
          }),
        )
        .then(
          () => done(),
          (error: Error) => done(error),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  server.on("error", (error) => console.error(`[mail] ${error.message}`));
  return { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
