// API keys: `bt_<prefix>_<secret>`, shown once; only a SHA-256 of the whole key is kept.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";

import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { apiKeys } from "@/lib/db/schema";

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new key, audited (never the key itself) with `actor` as who made it. */
export async function createApiKey(
  db: Db,
  input: { name: string; role: "operator" | "verifier" | "viewer"; createdBy: number | null },
  actor: Actor,
) {
  const prefix = randomBytes(6).toString("hex");
  const key = `bt_${prefix}_${randomBytes(24).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ name: input.name, prefix, keyHash: hash(key), role: input.role, createdBy: input.createdBy })
      .returning();
    await recordAudit(tx, {
      entity: "api_key",
      entityId: row.id,
      action: "api_key.created",
      actor,
      after: { name: row.name, role: row.role, prefix },
    });
    return { id: row.id, name: row.name, role: row.role, prefix, key };
  });
}

/** The key's row when it is genuine and not revoked. */
export async function verifyApiKey(db: Db, key: string) {
  const match = /^bt_([0-9a-f]{12})_[\w-]{32}$/.exec(key);
  if (!match) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, match[1]), isNull(apiKeys.revokedAt)));
  if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash(key)))) return null;
  // At most one write a minute per key, not one per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  return row;
}

export async function revokeApiKey(db: Db, id: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (row)
      await recordAudit(tx, {
        entity: "api_key",
        entityId: row.id,
        action: "api_key.revoked",
        actor,
        before: { name: row.name, prefix: row.prefix, revoked: false },
        after: { revoked: true },
      });
    return row ? { id: row.id } : null;
  });
}

export async function listApiKeys(db: Db) {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(({ keyHash: _, ...row }) => row);
}
