// Alerts about the system itself rather than one batch (batch_alerts needs a batch): a broken audit
// hash chain. Raised once per cause while open. Not audited: the audit log is what is broken.
import { eq } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { type alertSeverities, type systemAlertTypes } from "@/lib/db/enums";
import { systemAlerts } from "@/lib/db/schema";

export type NewSystemAlert = {
  type: (typeof systemAlertTypes)[number];
  severity: (typeof alertSeverities)[number];
  source: string;
  message: string;
  details?: Record<string, unknown>;
};

export async function raiseSystemAlert(db: Db, alert: NewSystemAlert): Promise<number | null> {
  const [row] = await db
    .insert(systemAlerts)
    .values({ ...alert, details: alert.details ?? {} })
    .onConflictDoNothing({ target: [systemAlerts.type, systemAlerts.source], where: eq(systemAlerts.status, "open") })
    .returning({ id: systemAlerts.id });
  return row?.id ?? null;
}
