// Single-use links: a random token goes in the mail, only its SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Db } from "@/lib/db";
import { type tokenPurposes } from "@/lib/db/enums";
import { authTokens } from "@/lib/db/schema";

import type { Role } from "./permissions";

export type TokenPurpose = (typeof tokenPurposes)[number];
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createToken(
  tx: Tx | Db,
  t: { purpose: TokenPurpose; hours: number; userId?: number; email?: string; role?: Role; createdBy?: number | null },
) {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(authTokens).values({
    purpose: t.purpose,
    tokenHash: hashToken(token),
    userId: t.userId ?? null,
    email: t.email?.toLowerCase() ?? null,
    role: t.role ?? null,
    createdBy: t.createdBy ?? null,
    expiresAt: sql`now() + make_interval(hours => ${t.hours})`,
  });
  return token;
}

/** The token's row when it can still be used; otherwise an error that says why. */
export async function findUsableToken(
  tx: Tx | Db,
  purpose: TokenPurpose,
  token: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = tx
    .select({ row: authTokens, isExpired: sql<boolean>`${authTokens.expiresAt} <= now()` })
    .from(authTokens)
    .where(and(eq(authTokens.purpose, purpose), eq(authTokens.tokenHash, hashToken(token))));
  const [found] = opts.forUpdate ? await query.for("update") : await query;
  if (!found)
    throw new ApiError("not_found", "This link is not valid. Check that you copied all of it, or ask for a new one.");
  if (found.row.usedAt) throw new ApiError("rule_broken", "This link was already used. Ask for a new one.");
  if (found.isExpired) throw new ApiError("rule_broken", "This link has expired. Ask for a new one.");
  return found.row;
}

/** Marks the token used, in the caller's transaction; a second use (even a concurrent one) is refused. */
export async function consumeToken(tx: Tx, purpose: TokenPurpose, token: string) {
  const row = await findUsableToken(tx, purpose, token, { forUpdate: true });
  await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.id, row.id), isNull(authTokens.usedAt)));
  return row;
}

/** Older unused links of the same kind stop working when a new one is sent. */
export async function revokeTokens(tx: Tx | Db, purpose: TokenPurpose, by: { email?: string; userId?: number }) {
  const target = by.email ? eq(authTokens.email, by.email.toLowerCase()) : eq(authTokens.userId, by.userId ?? -1);
  await tx
    .update(authTokens)
    .set({ expiresAt: sql`least(${authTokens.expiresAt}, now())` })
    .where(and(eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), target));
}
