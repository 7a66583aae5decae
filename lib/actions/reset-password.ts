"use server";

import { ZResetPassword } from "@/lib/auth/account-schemas";
import { resetPassword } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/server";

import { runPublicAction } from "./safe-action";

/** A new password from a reset (or set-up) link; every session of the user ends. */
export async function resetPasswordAction(input: unknown) {
  return runPublicAction("ACTION reset-password", async () => {
    const user = await resetPassword(getDb(), ZResetPassword.parse(input));
    return { email: user.email };
  });
}
