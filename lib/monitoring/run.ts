// One run of the monitoring agent: each detector judges its figures; each finding raises its alert
// once (with its evidence) and proposes its action, and the detector's open alerts no longer found
// are cleared with the figures now. A detector that throws records its error and changes no alert.
import { and, eq } from "drizzle-orm";

import { clearAlert } from "@/lib/alerts/alerts";
import { raiseAlert } from "@/lib/alerts/raise";
import { clearSystemAlert, raiseSystemAlert } from "@/lib/alerts/system";
import type { Actor } from "@/lib/audit/record";
import type { alertTypes, systemAlertTypes } from "@/lib/db/enums";
import { batchAlerts, detectorStates, systemAlerts } from "@/lib/db/schema";
import { obsoleteRecommendations, proposeRecommendation } from "@/lib/recommendations/propose";

import { batchAlertSource, figuresLine, keyOf, type Detector, type Finding, type MonitorContext } from "./detector";

export const monitorActor: Actor = { kind: "system", id: "monitor" };

export type DetectorRun = { name: string; findings: number; raised: number; cleared: number; error: string | null };

/** The error's first line; a failed query's cause (the database's own words) rather than its SQL. */
const messageOf = (error: unknown): string => {
  const cause = (error as { cause?: unknown })?.cause;
  const text = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].slice(0, 500);
};

/** The detector's open alerts, by finding key. */
async function openAlerts({ db }: MonitorContext, d: Detector): Promise<Map<string, number>> {
  if (d.alert === "system") {
    const rows = await db
      .select({ id: systemAlerts.id, source: systemAlerts.source })
      .from(systemAlerts)
      .where(and(eq(systemAlerts.type, d.name as (typeof systemAlertTypes)[number]), eq(systemAlerts.status, "open")));
    return new Map(rows.filter((r) => d.ownsSource?.(r.source) ?? true).map((r) => [r.source, r.id]));
  }
  const rows = await db
    .select({ id: batchAlerts.id, batchId: batchAlerts.batchId })
    .from(batchAlerts)
    .where(
      and(
        eq(batchAlerts.type, d.name as (typeof alertTypes)[number]),
        eq(batchAlerts.source, batchAlertSource),
        eq(batchAlerts.status, "open"),
      ),
    );
  return new Map(rows.map((r) => [keyOf({ source: "", batchId: r.batchId }), r.id]));
}

function raise({ db }: MonitorContext, d: Detector, f: Finding): Promise<number | null> {
  const common = { severity: f.severity, message: f.message, details: f.evidence };
  if (d.alert === "system")
    return raiseSystemAlert(db, { ...common, type: d.name as (typeof systemAlertTypes)[number], source: f.source });
  return db.transaction((tx) =>
    raiseAlert(
      tx,
      { ...common, batchId: f.batchId!, type: d.name as (typeof alertTypes)[number], source: batchAlertSource },
      monitorActor,
    ),
  );
}

async function clear({ db }: MonitorContext, d: Detector, id: number, note: string) {
  const isCleared =
    d.alert === "system"
      ? await clearSystemAlert(db, id, note)
      : await db.transaction((tx) => clearAlert(tx, id, note, monitorActor));
  if (isCleared) await obsoleteRecommendations(db, d.alert === "system" ? { systemAlertId: id } : { alertId: id });
  return isCleared;
}

async function saveState(
  { db }: MonitorContext,
  name: Detector["name"],
  now: Date,
  set: { findings?: Finding[]; error?: string },
) {
  const values = set.findings
    ? {
        lastRunAt: now,
        findings: set.findings.length,
        evidence: set.findings.slice(0, 50).map((f) => ({ source: keyOf(f), ...f.evidence })),
        error: null,
      }
    : { lastRunAt: now, error: set.error! };
  await db
    .insert(detectorStates)
    .values({ detector: name, findings: 0, ...values })
    .onConflictDoUpdate({ target: detectorStates.detector, set: values });
}

export async function runDetector(ctx: MonitorContext, d: Detector, now: Date): Promise<DetectorRun> {
  const run: DetectorRun = { name: d.name, findings: 0, raised: 0, cleared: 0, error: null };
  try {
    const { findings, figures } = await d.detect(ctx, now);
    run.findings = findings.length;
    const open = await openAlerts(ctx, d);
    const found = new Set<string>();
    for (const f of findings) {
      const key = keyOf(f);
      found.add(key);
      const raised = await raise(ctx, d, f);
      if (raised !== null) run.raised++;
      const alertId = raised ?? open.get(key);
      if (!d.recommends || alertId === undefined) continue;
      const link = d.alert === "system" ? { systemAlertId: alertId } : { alertId };
      await proposeRecommendation(ctx.db, {
        kind: d.recommends,
        source: key,
        evidence: f.evidence,
        batchId: f.batchId,
        endpointId: f.endpointId,
        ...link,
      });
    }
    const note = `Cleared: ${figuresLine(figures)}`;
    for (const [key, id] of open) if (!found.has(key) && (await clear(ctx, d, id, note))) run.cleared++;
    await saveState(ctx, d.name, now, { findings });
  } catch (error) {
    run.error = messageOf(error);
    await saveState(ctx, d.name, now, { error: run.error });
  }
  return run;
}

/** Runs each detector in turn; one failing does not stop the others. */
export async function runDetectors(ctx: MonitorContext, list: Detector[], now: Date): Promise<DetectorRun[]> {
  const runs: DetectorRun[] = [];
  for (const d of list) runs.push(await runDetector(ctx, d, now));
  return runs;
}
