// Scan counting for the public trace page: each view counted per batch, coarse place (a country
// code from a trusted proxy's geo header, else "unknown") and hour. A label copied onto other bags
// shows up as too many distinct visitors, or scans too far apart too fast; either raises one
// `cloned_label` alert per batch (while it is open). Both rules key on what a trusted proxy said
// (lib/api/client-ip.ts), so a visitor reloading or forging headers cannot raise it. Worker-safe.
import { and, count, eq, gte, sql } from "drizzle-orm";

import { raiseAlert } from "@/lib/alerts/raise";
import type { Db } from "@/lib/db";
import { traceScanClients, traceScans } from "@/lib/db/schema";

import { countryCentroids } from "./countries";

/** More distinct visitors than this in one hour, for one batch, looks like many bags carrying one label. */
export const maxClientsPerHour = 100;
/** Two countries this far apart (km) within `travelWindowHours` is faster than bags travel. */
export const maxDistanceKm = 1_500;
export const travelWindowHours = 3;

/** One view: the country a trusted proxy gave ("unknown" without one), and a keyed hash of the client's trusted address (null without one). */
export type Scan = { place: string; client: string | null };

export function distanceKm(a: string, b: string): number | null {
  const [p, q] = [countryCentroids[a], countryCentroids[b]];
  if (!p || !q) return null;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((q[0] - p[0]) * rad) / 2) ** 2 +
    Math.cos(p[0] * rad) * Math.cos(q[0] * rad) * Math.sin(((q[1] - p[1]) * rad) / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);

/** Counts one view and raises the alert when this view crosses a threshold; returns the alert's id if it opened. */
export async function recordScan(db: Db, batchId: number, scan: Scan, at = new Date()): Promise<number | null> {
  const { place } = scan;
  const hour = hourOf(at);
  await db
    .insert(traceScans)
    .values({ batchId, place, hour, views: 1 })
    .onConflictDoUpdate({
      target: [traceScans.batchId, traceScans.hour, traceScans.place],
      set: { views: sql`${traceScans.views} + 1` },
    });
  // Only a new visitor this hour can cross the visitors' threshold.
  const [isNewClient] = scan.client
    ? await db.insert(traceScanClients).values({ batchId, hour, client: scan.client }).onConflictDoNothing().returning()
    : [];
  const clientsThisHour = isNewClient
    ? (
        await db
          .select({ n: count() })
          .from(traceScanClients)
          .where(and(eq(traceScanClients.batchId, batchId), eq(traceScanClients.hour, hour)))
      )[0].n
    : 0;
  const since = new Date(hour.getTime() - (travelWindowHours - 1) * 3_600_000);
  const recent = await db
    .select()
    .from(traceScans)
    .where(and(eq(traceScans.batchId, batchId), gte(traceScans.hour, since)));
  let reason: { message: string; details: Record<string, unknown> } | null = null;
  if (clientsThisHour > maxClientsPerHour)
    reason = {
      message: `${clientsThisHour} different visitors scanned this batch's label in one hour (more than ${maxClientsPerHour}): the label may have been copied.`,
      details: { rule: "visitors_per_hour", hour: hour.toISOString(), visitors: clientsThisHour },
    };
  if (!reason && place !== "unknown") {
    for (const other of new Set(recent.map((r) => r.place))) {
      const km = other === place ? null : distanceKm(place, other);
      if (km !== null && km > maxDistanceKm) {
        reason = {
          message: `Scanned in ${other} and ${place}, ${km} km apart, within ${travelWindowHours} hours: the label may have been copied.`,
          details: { rule: "too_far_too_fast", places: [other, place], km, hour: hour.toISOString() },
        };
        break;
      }
    }
  }
  if (!reason) return null;
  return raiseAlert(
    db,
    { batchId, type: "cloned_label", severity: "high", source: "trace_scans", ...reason },
    { kind: "system", id: "trace" },
  );
}
