// Raising an alert: shared by the app and the worker (plain Node), so no "server-only" here.
import { eq } from "drizzle-orm";

import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { type alertSeverities, type alertTypes } from "@/lib/db/enums";
import { batchAlerts } from "@/lib/db/schema";

export type NewAlert = {
  batchId: number;
  type: (typeof alertTypes)[number];
  severity: (typeof alertSeverities)[number];
  source: string;
  message: string;
  details?: Record<string, unknown>;
};

/** Opens the alert unless the same cause already has one open; audited when it opens. */
export async function raiseAlert(tx: Tx | Db, alert: NewAlert, actor: Actor, now?: Date): Promise<number | null> {
  const [row] = await tx
    .insert(batchAlerts)
    .values({ ...alert, details: alert.details ?? {}, ...(now && { createdAt: now }) })
    .onConflictDoNothing({
      target: [batchAlerts.batchId, batchAlerts.type, batchAlerts.source],
      where: eq(batchAlerts.status, "open"),
    })
    .returning();
  if (!row) return null;
  await recordAudit(tx, {
    entity: "alert",
    entityId: row.id,
    batchId: alert.batchId,
    action: "alert.raised",
    actor,
    after: { type: row.type, severity: row.severity, message: row.message, source: row.source },
  });
  return row.id;
}
