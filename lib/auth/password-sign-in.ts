// The checks behind an email-and-password sign-in: lockout per account and client, password, then the TOTP code.
import type { Db } from "@/lib/db";

import { hitAccountLimit } from "./lockout";
import { verifyPassword } from "./passwords";
import type { SecretKey } from "./secret-box";
import { spendTotpCode } from "./totp";
import { findUserByEmail, recordSignIn } from "./users";

export class SignInRefusal extends Error {
  constructor(readonly code: "invalid_input" | "rate_limited" | "wrong_credentials" | "totp_required" | "wrong_code") {
    super(code);
  }
}

// Compared against when there is no usable account, so a refusal takes as long either way.
const dummyHash = "$2b$11$CwTycUXWue0Thq9StjUM0uJ8.3zpYl5BkRzHk0P0F8lB1Yx6aG6Zq";

/** `device`: the id of a device cookie this browser was given for this email (lib/auth/device.ts), if any. */
export async function checkPasswordSignIn(
  db: Db,
  input: { email: string; password: string; code?: string; ip: string | null; device?: string | null },
  totpKey: SecretKey,
) {
  const email = input.email.toLowerCase();
  // A known device's guesses are counted on their own: a stranger's lockout of the account never reaches it.
  if (!(await hitAccountLimit(db, email, input.device ? `device:${input.device}` : input.ip)).isAllowed)
    throw new SignInRefusal("rate_limited");
  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
  const isValid = !!user?.passwordHash && user.isActive && matches;
  const record = (isSuccess: boolean, reason?: string) =>
    recordSignIn(db, {
      userId: user?.id ?? null,
      method: "password",
      identifier: email,
      isSuccess,
      reason,
      ip: input.ip,
    });
  if (!isValid || !user) {
    await record(false, "wrong email or password");
    throw new SignInRefusal("wrong_credentials");
  }
  if (user.totpEnabledAt) {
    if (!input.code) throw new SignInRefusal("totp_required");
    if (!(await spendTotpCode(db, user.id, input.code.trim(), totpKey))) {
      await record(false, "wrong or reused TOTP code");
      throw new SignInRefusal("wrong_code");
    }
  }
  await record(true);
  return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
