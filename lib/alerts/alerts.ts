// Batch alerts: typed, with a severity, raised once per cause, resolved with a note (audited),
// and kept in history once resolved.
import "server-only";

import { and, desc, eq, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, statusChange, type Actor, type AuditEntry } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { findBatch } from "@/lib/batches/get";
import { batchesInScope } from "@/lib/batches/scope";
import type { Db, Tx } from "@/lib/db";
import { listOfBatch } from "@/lib/db/of-batch";
import { batchAlerts, batches } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

export function toAlertJson(a: typeof batchAlerts.$inferSelect) {
  return rowJson(a, [
    "id",
    "batchId",
    "type",
    "severity",
    "status",
    "source",
    "message",
    "details",
    "resolvedBy",
    "resolutionNote",
    "resolvedAt",
    "createdAt",
  ]);
}

export type AlertJson = ReturnType<typeof toAlertJson>;

export async function listAlerts(db: Db, batchId: number) {
  await findBatch(db, batchId);
  return (await listOfBatch(db, batchAlerts, batchId)).map(toAlertJson);
}

/** Open alerts across batches, most severe and newest first, for the verification page. */
/** Open alerts of the batches in `scope`, most severe first. */
export async function listOpenAlerts(db: Db, scope: Scope, limit = 50) {
  const rank = sql`case ${batchAlerts.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;
  const rows = await db
    .select({ alert: batchAlerts, batchCode: batches.batchCode })
    .from(batchAlerts)
    .innerJoin(batches, eq(batches.id, batchAlerts.batchId))
    .where(and(eq(batchAlerts.status, "open"), batchesInScope(scope)))
    .orderBy(rank, desc(batchAlerts.id))
    .limit(limit);
  return rows.map((r) => ({ ...toAlertJson(r.alert), batch_code: r.batchCode }));
}

/** Resolves an open alert of this batch with a note; a second resolve is a 409, and nothing changes. */
export async function resolveAlert(
  db: Db,
  batchId: number,
  alertId: number,
  note: string,
  userId: number | null,
  actor: Actor,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(batchAlerts)
      .where(and(eq(batchAlerts.id, alertId), eq(batchAlerts.batchId, batchId)))
      .for("update");
    if (!alert) throw new ApiError("not_found", `Batch ${batchId} has no alert ${alertId}.`);
    if (alert.status === "resolved") throw new ApiError("conflict", `Alert ${alertId} was already resolved.`);
    const [resolved] = await tx
      .update(batchAlerts)
      .set({ status: "resolved", resolutionNote: note, resolvedBy: userId, resolvedAt: now })
      .where(eq(batchAlerts.id, alertId))
      .returning();
    await recordAudit(tx, resolvedAudit(alertId, batchId, actor, note));
    return toAlertJson(resolved);
  });
}

/** Resolves every open alert of this batch with one note, each audited; none open is an empty list. */
export async function resolveOpenAlerts(db: Db, batchId: number, note: string, userId: number | null, actor: Actor) {
  await findBatch(db, batchId);
  return db.transaction(async (tx) => {
    const open = and(eq(batchAlerts.batchId, batchId), eq(batchAlerts.status, "open"));
    const resolved = (
      await tx
        .update(batchAlerts)
        .set({ status: "resolved", resolutionNote: note, resolvedBy: userId, resolvedAt: new Date() })
        .where(open)
        .returning()
    ).sort((a, b) => a.id - b.id);
    await recordAudit(tx, ...resolved.map((a) => resolvedAudit(a.id, batchId, actor, note)));
    return resolved.map(toAlertJson);
  });
}

/** The monitoring agent's clear: its condition ended. Resolves the alert with the note if still open (audited); false when it was not. */
export async function clearAlert(db: Db | Tx, alertId: number, note: string, actor: Actor): Promise<boolean> {
  const [cleared] = await db
    .update(batchAlerts)
    .set({ status: "resolved", resolutionNote: note.slice(0, 500), resolvedBy: null, resolvedAt: new Date() })
    .where(and(eq(batchAlerts.id, alertId), eq(batchAlerts.status, "open")))
    .returning();
  if (cleared) await recordAudit(db, resolvedAudit(cleared.id, cleared.batchId, actor, cleared.resolutionNote ?? note));
  return Boolean(cleared);
}

/** The audit row of one alert resolved with a note. */
const resolvedAudit = (alertId: number, batchId: number, actor: Actor, note: string): AuditEntry => ({
  entity: "alert",
  entityId: alertId,
  batchId,
  action: "alert.resolved",
  actor,
  ...statusChange("open", "resolved"),
  note,
});
