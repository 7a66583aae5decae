// Alerts about the system itself rather than one batch (batch_alerts needs a batch): a broken audit
// hash chain, and what the monitoring agent finds. Raised once per cause while open, not audited
// (the audit log may be what is broken) but each raise and resolve is an outbound event; an admin
// resolves one with a note (audited), the monitor clears one when its condition ends, and the same
// cause may then open a new one.
import { and, desc, eq } from "drizzle-orm";

import { beforeCursor, pageByIdDesc } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { filterBy } from "@/lib/api/filters";
import { recordAudit, statusChange } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { type alertSeverities, type systemAlertTypes } from "@/lib/db/enums";
import { systemAlerts, users } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";
import { recordOutboundEvent } from "@/lib/outbox/record";

import { ZResolutionNote, ZSystemAlertQuery, type SystemAlertQuery } from "./system-schemas";

export type NewSystemAlert = {
  type: (typeof systemAlertTypes)[number];
  severity: (typeof alertSeverities)[number];
  source: string;
  message: string;
  details?: Record<string, unknown>;
};

/** The event webhooks and inboxes receive for a system alert raised or resolved (it is not audited, so not followed). */
const alertEvent = (tx: Tx, a: typeof systemAlerts.$inferSelect, change: "raised" | "resolved") =>
  recordOutboundEvent(tx, {
    type: `alert.${change}`,
    source: `system_alert:${a.id}:${change}`,
    severity: a.severity,
    data: {
      alert: {
        scope: "system",
        id: a.id,
        type: a.type,
        severity: a.severity,
        source: a.source,
        message: a.message,
        details: a.details,
        resolution_note: a.resolutionNote,
      },
    },
  });

/** Raises the alert unless one of its type and source is open; returns its id, or null when one was. */
export async function raiseSystemAlert(db: Db | Tx, alert: NewSystemAlert): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(systemAlerts)
      .values({ ...alert, details: alert.details ?? {} })
      .onConflictDoNothing({ target: [systemAlerts.type, systemAlerts.source], where: eq(systemAlerts.status, "open") })
      .returning();
    if (!row) return null;
    await alertEvent(tx, row, "raised");
    return row.id;
  });
}

/** The monitoring agent's clear: its condition ended. Resolves the alert with the note if it is still open. */
export async function clearSystemAlert(db: Db, id: number, note: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(systemAlerts)
      .set({ status: "resolved", resolvedAt: new Date(), resolutionNote: note.slice(0, 500) })
      .where(and(eq(systemAlerts.id, id), eq(systemAlerts.status, "open")))
      .returning();
    if (row) await alertEvent(tx, row, "resolved");
    return Boolean(row);
  });
}

const columns = { alert: systemAlerts, resolver: users.name };
type Row = { alert: typeof systemAlerts.$inferSelect; resolver: string | null };

export function toSystemAlertJson({ alert: a, resolver }: Row) {
  return {
    ...rowJson(a, ["id", "type", "severity", "status", "source", "message"]),
    details: a.details as Record<string, unknown>,
    ...rowJson(a, ["resolvedAt", "resolvedBy"]),
    resolved_by_name: resolver,
    ...rowJson(a, ["resolutionNote", "createdAt"]),
  };
}
export type SystemAlertJson = ReturnType<typeof toSystemAlertJson>;

/** System alerts newest first, one page at a time; `status` keeps the open or the resolved ones. */
export async function listSystemAlerts(db: Db, query: SystemAlertQuery) {
  const q = ZSystemAlertQuery.parse(query);
  const before = beforeCursor(systemAlerts.id, q.cursor);
  const rows = await db
    .select(columns)
    .from(systemAlerts)
    .leftJoin(users, eq(users.id, systemAlerts.resolvedBy))
    .where(and(filterBy(q, { status: systemAlerts.status }), before))
    .orderBy(desc(systemAlerts.id))
    .limit(q.limit + 1);
  return pageByIdDesc(rows, q.limit, (r) => r.alert.id, toSystemAlertJson);
}

export async function countOpenSystemAlerts(db: Db): Promise<number> {
  return db.$count(systemAlerts, eq(systemAlerts.status, "open"));
}

/** Resolves an open system alert with a note, audited; unknown is a 404, already resolved a 409, and nothing changes. */
export async function resolveSystemAlert(db: Db, id: number, note: string, by: number): Promise<SystemAlertJson> {
  const parsed = ZResolutionNote.safeParse(note);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is not a note";
    throw new ApiError("validation_error", `note: ${message}`, [{ path: "note", message }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(columns)
      .from(systemAlerts)
      .leftJoin(users, eq(users.id, systemAlerts.resolvedBy))
      .where(eq(systemAlerts.id, id))
      .for("update", { of: systemAlerts });
    if (!row) throw new ApiError("not_found", `There is no system alert ${id}.`);
    if (row.alert.status === "resolved") {
      const when = row.alert.resolvedAt?.toISOString() ?? "an unknown time";
      const who = row.resolver ?? (row.alert.resolvedBy ? `user ${row.alert.resolvedBy}` : "someone unknown");
      throw new ApiError("conflict", `System alert ${id} was already resolved at ${when} by ${who}.`, {
        resolved_at: row.alert.resolvedAt?.toISOString() ?? null,
        resolved_by: row.alert.resolvedBy,
      });
    }
    const [alert] = await tx
      .update(systemAlerts)
      .set({ status: "resolved", resolvedAt: new Date(), resolvedBy: by, resolutionNote: parsed.data })
      .where(eq(systemAlerts.id, id))
      .returning();
    await alertEvent(tx, alert, "resolved");
    await recordAudit(tx, {
      entity: "system_alert",
      entityId: id,
      action: "system_alert.resolved",
      actor: { kind: "user", id: String(by) },
      ...statusChange("open", "resolved"),
      note: parsed.data,
    });
    const [resolver] = await tx.select({ name: users.name }).from(users).where(eq(users.id, by));
    return toSystemAlertJson({ alert, resolver: resolver?.name ?? null });
  });
}
