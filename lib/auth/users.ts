import { desc, eq, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor, type AuditEntry } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { type organisationKinds } from "@/lib/db/enums";
import { organisations, signInEvents, users, wallets } from "@/lib/db/schema";

import { isLockedOut, liftLockout } from "./lockout";
import { hashPassword } from "./passwords";
import type { Role } from "./permissions";

/** `organisationKind` null: no organisation recorded, which counts as the operating company (lib/auth/scope.ts). */
export type SessionUser = {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  organisationId: number | null;
  organisationKind: (typeof organisationKinds)[number] | null;
  isPending: boolean;
};

/** The session's user, while active and while the session's version is the user's current one. */
export async function getActiveUser(
  db: Db,
  id: number,
  sessionVersion: number | undefined,
): Promise<SessionUser | null> {
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
      organisationId: users.organisationId,
      organisationKind: organisations.kind,
      isPending: users.isPending,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  if (!u?.isActive || u.sessionVersion !== sessionVersion) return null;
  const { isActive: _, sessionVersion: __, ...user } = u;
  return user;
}

/** Ends every session of the user: tokens carrying the old version are refused from now on. */
export async function endSessions(tx: Tx | Db, userId: number) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function findUserByEmail(db: Db, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return u ?? null;
}

/** The user a wallet is linked to; a wallet signing in for the first time becomes a pending user with no access until an admin approves it. */
export async function userForWallet(db: Db, address: `0x${string}`) {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(wallets)
      .innerJoin(users, eq(users.id, wallets.userId))
      .where(eq(wallets.address, address));
    if (linked) return linked.user;
    const [user] = await tx
      .insert(users)
      .values({ name: `${address.slice(0, 6)}…${address.slice(-4)}`, role: "viewer", isPending: true })
      .returning();
    await tx.insert(wallets).values({ address, userId: user.id });
    return user;
  });
}

export async function createUser(
  db: Db | Tx,
  input: { email: string; name: string; password: string | null; role: Role },
) {
  const [user] = await db
    .insert(users)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: input.password === null ? null : await hashPassword(input.password),
      role: input.role,
    })
    .onConflictDoNothing()
    .returning();
  return user ?? null;
}

export async function recordSignIn(
  db: Db,
  e: {
    userId: number | null;
    method: "password" | "siwe";
    identifier: string;
    isSuccess: boolean;
    reason?: string;
    ip: string | null;
  },
) {
  await db.insert(signInEvents).values({ ...e, reason: e.reason ?? null });
}

export async function listUsers(db: Db) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      is_active: users.isActive,
      is_pending: users.isPending,
      organisation_id: users.organisationId,
      has_totp: sql<boolean>`${users.totpEnabledAt} is not null`,
      wallets: sql<
        string[]
      >`coalesce((select array_agg(address order by address) from ${wallets} where ${wallets.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .orderBy(users.id);
  return Promise.all(rows.map(async (u) => ({ ...u, is_locked_out: await isLockedOut(db, identifiersOf(u)) })));
}

const identifiersOf = (u: { email: string | null; wallets: string[] }) => [...(u.email ? [u.email] : []), ...u.wallets];

/**
 * An admin's change to a user; each change made is audited in the same transaction, with `actor` as who
 * made it. Given a transaction, it joins it, so a later refusal undoes this change too.
 */
export async function updateUser(
  db: Db | Tx,
  id: number,
  change: { role?: Role; is_active?: boolean; link_wallet?: string },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, isActive: users.isActive, organisationId: users.organisationId })
      .from(users)
      .where(eq(users.id, id))
      .for("update");
    if (!before) throw new ApiError("not_found", `User ${id} does not exist.`);
    if (change.role && change.role !== "viewer" && before.organisationId !== null) {
      const [organisation] = await tx
        .select({ kind: organisations.kind })
        .from(organisations)
        .where(eq(organisations.id, before.organisationId));
      // Producers and buyers read their own batches; the other roles are the operating company's staff.
      if (organisation.kind !== "operator")
        throw new ApiError(
          "rule_broken",
          `A member of a ${organisation.kind} is a viewer; ${change.role} is a role of the operating company's staff.`,
        );
    }
    const [user] = await tx
      .update(users)
      .set({
        ...(change.role && { role: change.role }),
        ...(change.is_active !== undefined && { isActive: change.is_active }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    const audit: AuditEntry[] = [];
    const entry = (action: string, was: unknown, now: unknown): AuditEntry => ({
      entity: "user",
      entityId: id,
      action,
      actor,
      before: was,
      after: now,
    });
    if (change.role && change.role !== before.role)
      audit.push(entry("user.role_changed", { role: before.role }, { role: change.role }));
    if (change.is_active !== undefined && change.is_active !== before.isActive)
      audit.push(
        entry(
          change.is_active ? "user.activated" : "user.deactivated",
          { is_active: before.isActive },
          { is_active: change.is_active },
        ),
      );
    // A deactivated user's open sessions end now, and stay ended if the account is turned back on.
    if (before.isActive && change.is_active === false) await endSessions(tx, id);
    if (change.link_wallet) {
      const address = change.link_wallet.toLowerCase();
      const [existing] = await tx.select().from(wallets).where(eq(wallets.address, address));
      if (existing && existing.userId !== id)
        throw new ApiError("conflict", `Wallet ${address} is linked to user ${existing.userId}.`);
      const [linked] = await tx.insert(wallets).values({ address, userId: id }).onConflictDoNothing().returning();
      if (linked) audit.push(entry("user.wallet_linked", null, { wallet: address }));
    }
    await recordAudit(tx, ...audit);
    return user;
  });
}

/** An admin lifts a sign-in lockout: the account's failed attempts from every client are forgotten. */
export async function liftUserLockout(db: Db, id: number, actor: Actor) {
  const [u] = await db
    .select({
      email: users.email,
      wallets: sql<
        string[]
      >`coalesce((select array_agg(address) from ${wallets} where ${wallets.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!u) throw new ApiError("not_found", `User ${id} does not exist.`);
  return db.transaction(async (tx) => {
    const lifted = await liftLockout(tx, identifiersOf(u));
    await recordAudit(tx, { entity: "user", entityId: id, action: "user.lockout_lifted", actor, after: { lifted } });
    return { id, lifted };
  });
}

export async function listSignIns(db: Db, limit = 50) {
  return db.select().from(signInEvents).orderBy(desc(signInEvents.createdAt)).limit(limit);
}
