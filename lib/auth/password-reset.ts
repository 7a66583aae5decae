// Forgotten and changed passwords. A reset request answers the same whether or not the email is known.
import { eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { ownAccountAudit, recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import type { Mail } from "@/lib/mail/mailer";

import { hashPassword, verifyPassword } from "./passwords";
import { consumeToken, createToken, revokeTokens } from "./tokens";
import { endSessions } from "./users";

export const resetHours = 1;
export const setupHours = 72;

/** A reset link for an active account with that email, as a mail to send; null for anyone else. */
export async function requestPasswordReset(db: Db, input: { email: string; appUrl: string }): Promise<Mail | null> {
  const email = input.email.toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, isActive: users.isActive })
      .from(users)
      .where(eq(users.email, email));
    if (!user?.isActive) return null;
    await revokeTokens(tx, "password_reset", { userId: user.id });
    const token = await createToken(tx, { purpose: "password_reset", hours: resetHours, userId: user.id });
    return {
      to: email,
      subject: "Reset your Batchtrail password",
      text: `Someone (hopefully you) asked to reset the password of ${email} on Batchtrail.\n\nChoose a new password here (the link works once, for ${resetHours} hour):\n${input.appUrl}/reset-password?token=${token}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
    };
  });
}

/** A link to set a password for an existing user (the first admin); printed, not mailed. */
export async function createPasswordLink(db: Db, input: { userId: number; appUrl: string }) {
  await revokeTokens(db, "password_reset", { userId: input.userId });
  const token = await createToken(db, { purpose: "password_reset", hours: setupHours, userId: input.userId });
  return `${input.appUrl}/reset-password?token=${token}`;
}

/** Sets the password from a reset link, once; every session of the user ends. */
export async function resetPassword(db: Db, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const link = await consumeToken(tx, "password_reset", input.token);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, link.userId!))
      .returning({ id: users.id, email: users.email, isActive: users.isActive });
    if (!user?.isActive) throw new ApiError("rule_broken", "This account is deactivated; ask an admin.");
    await endSessions(tx, user.id);
    await recordAudit(tx, ownAccountAudit(user.id, "user.password_reset"));
    return { id: user.id, email: user.email };
  });
}

/** A signed-in user changes their password, giving the current one; every session ends, this one too. */
export async function changePassword(db: Db, input: { userId: number; currentPassword: string; newPassword: string }) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId));
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ApiError("rule_broken", "The current password is wrong.", [
      { path: "current_password", message: "is wrong" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, input.userId));
    await endSessions(tx, input.userId);
    await recordAudit(tx, ownAccountAudit(input.userId, "user.password_changed"));
  });
}
