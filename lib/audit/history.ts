// A batch's audit trail, oldest first, as the API and the batch page show it.
import "server-only";

import { and, asc, eq, sql, type SQL } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import type { Db } from "@/lib/db";
import { auditRecords, batches, users } from "@/lib/db/schema";

export async function auditHistory(db: Db, batchId: number) {
  // Read here rather than through lib/batches, which writes to the audit log and so sits above it.
  const [batch] = await db.select({ id: batches.id }).from(batches).where(eq(batches.id, batchId));
  if (!batch) throw new ApiError("not_found", `Batch ${batchId} does not exist.`);
  return trail(db, eq(auditRecords.batchId, batchId));
}

/** An entity's audit trail (an order's, say), oldest first. */
export const entityHistory = (db: Db, entity: string, entityId: string | number) =>
  trail(db, and(eq(auditRecords.entity, entity), eq(auditRecords.entityId, String(entityId)))!);

async function trail(db: Db, where: SQL) {
  const rows = await db
    .select({ record: auditRecords, userEmail: users.email })
    .from(auditRecords)
    .leftJoin(users, sql`${auditRecords.actorKind} = 'user' and ${users.id}::text = ${auditRecords.actorId}`)
    .where(where)
    .orderBy(asc(auditRecords.position));
  return rows.map(({ record: r, userEmail }) => ({
    position: r.position,
    entity: r.entity,
    entity_id: r.entityId,
    action: r.action,
    actor: { kind: r.actorKind, id: r.actorId, label: userEmail ?? r.actorId },
    before: r.before,
    after: r.after,
    tx_hash: r.txHash,
    note: r.note,
    created_at: r.createdAt.toISOString(),
    hash: r.hash,
    prev_hash: r.prevHash,
  }));
}

export type AuditJson = Awaited<ReturnType<typeof trail>>[number];
