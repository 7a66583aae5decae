"use server";

import { ZChangePassword } from "@/lib/auth/account-schemas";
import { changePassword } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/server";

import { runAction } from "./safe-action";

/** The current password is required; afterwards every session ends and the user signs in again. */
export async function changePasswordAction(input: unknown) {
  return runAction("ACTION change-password", async (user) => {
    const { current_password, new_password } = ZChangePassword.parse(input);
    await changePassword(getDb(), { userId: user.id, currentPassword: current_password, newPassword: new_password });
    return { id: user.id };
  });
}
