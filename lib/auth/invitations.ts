// Admins invite by email with a role; the link is valid 72 hours, once.
import { eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { ownAccountAudit, recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import type { Mailer } from "@/lib/mail/mailer";

import { invitableRoles } from "./account-schemas";
import { hashPassword } from "./passwords";
import type { Role } from "./permissions";
import { consumeToken, createToken, revokeTokens } from "./tokens";

export const invitationHours = 72;

export async function inviteUser(
  db: Db,
  mailer: Mailer,
  input: { email: string; role: Role; invitedBy: number | null; actor: Actor; appUrl: string },
) {
  if (!(invitableRoles as readonly string[]).includes(input.role)) {
    throw new ApiError(
      "rule_broken",
      `An invitation cannot grant the ${input.role} role: invite as ${invitableRoles.join(", ")}, then change the role once they have signed in.`,
      [{ path: "role", message: `cannot be granted by invitation` }],
    );
  }
  const email = input.email.toLowerCase();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing)
      throw new ApiError("conflict", `${email} already has an account; change its role in the users table instead.`, [
        { path: "email", message: "already has an account" },
      ]);
    await revokeTokens(tx, "invitation", { email });
    const token = await createToken(tx, {
      purpose: "invitation",
      hours: invitationHours,
      email,
      role: input.role,
      createdBy: input.invitedBy,
    });
    await recordAudit(tx, {
      entity: "invitation",
      entityId: email,
      action: "invitation.sent",
      actor: input.actor,
      after: { email, role: input.role },
    });
    // Sent last, inside the transaction: a mail that cannot go out leaves no invitation behind.
    await mailer.send({
      to: email,
      subject: "You are invited to Batchtrail",
      text: `You are invited to Batchtrail as ${input.role}.\n\nSet your password here (the link works once, for ${invitationHours} hours):\n${input.appUrl}/invite?token=${token}\n`,
    });
    return { email, role: input.role };
  });
}

export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const invitation = await consumeToken(tx, "invitation", input.token);
    const [user] = await tx
      .insert(users)
      .values({ email: invitation.email!, name: input.name, role: invitation.role ?? "viewer", passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, role: users.role });
    if (!user)
      throw new ApiError("conflict", `${invitation.email} already has an account; sign in, or reset its password.`);
    await recordAudit(tx, ownAccountAudit(user.id, "user.invitation_accepted", { email: user.email, role: user.role }));
    return user;
  });
}
