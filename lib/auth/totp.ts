// Time-based one-time codes (RFC 6238, otplib): enrolment needs a valid code; a code's time step is used once.
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";

import { ApiError } from "@/lib/api/errors";
import { ownAccountAudit, recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { users } from "@/lib/db/schema";

import { openSecret, sealSecret, type SecretKey } from "./secret-box";

// One step either side, for a phone whose clock is a little off.
const tolerance = 30;

/** Starts enrolment: a new secret, kept but not yet in force, and the otpauth:// URI for the QR code. */
export async function startTotp(db: Db, userId: number, key: SecretKey) {
  const [user] = await db
    .select({ email: users.email, name: users.name, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new ApiError("not_found", "No such user.");
  if (user.enabledAt)
    throw new ApiError("conflict", "Two-factor sign-in is already on; turn it off first to enrol a new device.");
  const secret = generateSecret();
  await db
    .update(users)
    .set({ totpSecret: sealSecret(secret, key), totpLastStep: null })
    .where(eq(users.id, userId));
  return { secret, uri: generateURI({ issuer: "Batchtrail", label: user.email ?? user.name, secret }) };
}

/**
 * Checks a code against the user's secret and spends its time step, atomically: the same code
 * (or an older one) never works twice, even from two requests at once.
 */
export async function spendTotpCode(db: Db | Tx, userId: number, code: string, key: SecretKey): Promise<boolean> {
  const [user] = await db
    .select({ secret: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.secret || !/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret: openSecret(user.secret, key),
    token: code,
    epochTolerance: tolerance,
    ...(user.lastStep !== null && { afterTimeStep: user.lastStep }),
  });
  if (!result.valid || !("timeStep" in result)) return false;
  const spent = await db
    .update(users)
    .set({ totpLastStep: result.timeStep })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, result.timeStep))))
    .returning({ id: users.id });
  return spent.length === 1;
}

/** The user's two-factor state, locked until the transaction ends: turning it on or off waits for the other. */
async function lockTotp(tx: Tx, userId: number) {
  const [user] = await tx
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  return user;
}

/** Turns TOTP on once the user proves their app shows the right code. */
export async function enableTotp(db: Db, userId: number, code: string, key: SecretKey) {
  return db.transaction(async (tx) => {
    const user = await lockTotp(tx, userId);
    if (!user?.secret) throw new ApiError("rule_broken", "Start again: scan a new QR code first.");
    if (user.enabledAt) throw new ApiError("conflict", "Two-factor sign-in is already on.");
    if (!(await spendTotpCode(tx, userId, code, key)))
      throw new ApiError("rule_broken", "That code is wrong or was already used; enter the code your app shows now.", [
        { path: "code", message: "is wrong or was already used" },
      ]);
    await tx
      .update(users)
      .set({ totpEnabledAt: sql`now()`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, ownAccountAudit(userId, "user.totp_enabled"));
  });
}

/** Turns TOTP off; a current code is required, so a borrowed session alone cannot. */
export async function disableTotp(db: Db, userId: number, code: string, key: SecretKey) {
  return db.transaction(async (tx) => {
    const user = await lockTotp(tx, userId);
    if (!user?.enabledAt) throw new ApiError("conflict", "Two-factor sign-in is not on.");
    if (!(await spendTotpCode(tx, userId, code, key)))
      throw new ApiError("rule_broken", "That code is wrong or was already used.", [
        { path: "code", message: "is wrong or was already used" },
      ]);
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, ownAccountAudit(userId, "user.totp_disabled"));
  });
}

export async function hasTotp(db: Db, userId: number): Promise<boolean> {
  const [u] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return !!u?.enabledAt;
}
