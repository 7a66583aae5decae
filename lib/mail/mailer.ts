// Outgoing mail over SMTP (nodemailer). A mailer is handed in, so tests use a real SMTP catcher.
import nodemailer from "nodemailer";

import { ApiError } from "@/lib/api/errors";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: Mail) => Promise<void> };

export function createMailer(config: { smtpUrl?: string; from: string }): Mailer {
  if (!config.smtpUrl) {
    return {
      send: async () => {
        throw new ApiError("unavailable", "Mail is not configured: set SMTP_URL (npm run dev starts a local catcher).");
      },
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: config.from, ...mail });
      } catch (error) {
        const refused = refusedRecipient(error);
        if (refused)
          throw new ApiError("rule_broken", `The mail server refused ${mail.to}: ${refused} Nothing was changed.`);
        console.error("sending mail failed", error);
        throw new ApiError("unavailable", "The mail could not be sent; nothing was changed. Try again later.");
      }
    },
  };
}

/** The server's reply when it refused the recipient for good (SMTP 5xx at RCPT TO), else null. */
function refusedRecipient(error: unknown): string | null {
  const { code, responseCode, response } = error as { code?: string; responseCode?: number; response?: string };
  if (code !== "EENVELOPE" || !responseCode || responseCode < 500) return null;
  return response ?? `SMTP ${responseCode}.`;
}
