// A deployment's first admin: `npm run admin:create`, or the /setup page with the token the stack prints.
import { eq, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";

import { createPasswordLink } from "./password-reset";
import { hashPassword } from "./passwords";
import { consumeToken, createToken } from "./tokens";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const lockAdmins = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('first_admin', 0))`);

export async function hasAdmin(db: Db | Tx): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.role} = 'admin' and ${users.isActive}`)
    .limit(1);
  return !!row;
}

/** A setup token for /setup while no admin exists (valid 24 hours; a new one replaces the last); null once there is one. */
export async function createSetupToken(db: Db): Promise<string | null> {
  return db.transaction(async (tx) => {
    await lockAdmins(tx);
    if (await hasAdmin(tx)) return null;
    await tx.execute(
      sql`update auth_tokens set expires_at = least(expires_at, now()) where purpose = 'first_admin' and used_at is null`,
    );
    return createToken(tx, { purpose: "first_admin", hours: 24 });
  });
}

/** /setup: the setup token makes the first admin, only while there is none. */
export async function setUpFirstAdmin(db: Db, input: { token: string; email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await lockAdmins(tx);
    if (await hasAdmin(tx))
      throw new ApiError("conflict", "Batchtrail already has an admin; sign in, or ask them to invite you.");
    await consumeToken(tx, "first_admin", input.token);
    const [user] = await tx
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, role: "admin", passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (!user)
      throw new ApiError("conflict", `${input.email} already has an account; choose another email.`, [
        { path: "email", message: "already has an account" },
      ]);
    await recordAudit(tx, {
      entity: "user",
      entityId: user.id,
      action: "user.first_admin_created",
      actor: { kind: "system", id: "setup" },
      after: { email: user.email, role: "admin" },
    });
    return user;
  });
}

/** `npm run admin:create`: an admin with no password yet, and a one-time link to set one. */
export async function createAdmin(db: Db, input: { email: string; name: string; appUrl: string }) {
  const email = input.email.toLowerCase();
  const user = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new ApiError("conflict", `${email} already has an account.`);
    const [created] = await tx
      .insert(users)
      .values({ email, name: input.name, role: "admin" })
      .returning({ id: users.id, email: users.email });
    await recordAudit(tx, {
      entity: "user",
      entityId: created.id,
      action: "user.admin_created",
      actor: { kind: "system", id: "admin:create" },
      after: { email, role: "admin" },
    });
    return created;
  });
  return { ...user, link: await createPasswordLink(db, { userId: user.id, appUrl: input.appUrl }) };
}
