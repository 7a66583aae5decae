"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { clientAddress } from "@/lib/api/client-ip";
import { ZResetRequest } from "@/lib/auth/account-schemas";
import { getAppUrl } from "@/lib/auth/app-url";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/server";
import { getMailer } from "@/lib/mail/server";

import { runPublicAction } from "./safe-action";

/** Mails a reset link to a known email; the answer is the same for any email, and as quick. */
export async function requestPasswordResetAction(input: unknown) {
  return runPublicAction("ACTION request-password-reset", async () => {
    const { email } = ZResetRequest.parse(input);
    const db = getDb();
    const ip = clientAddress(await headers());
    const isAllowed =
      (await hitRateLimit(db, `password-reset:ip:${ip}`, 10, 900)).isAllowed &&
      (await hitRateLimit(db, `password-reset:email:${email}`, 3, 3600)).isAllowed;
    const mail = isAllowed ? await requestPasswordReset(db, { email, appUrl: await getAppUrl() }) : null;
    // Sent after the answer, so its time does not tell a known email from an unknown one.
    if (mail)
      after(() =>
        getMailer()
          .send(mail)
          .catch((error) => console.error("reset mail not sent", error)),
      );
    return {
      message: "If an account uses that email, a link to reset its password is on its way. It works once, for an hour.",
    };
  });
}
