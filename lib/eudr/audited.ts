// What the audit log keeps of a plot: what a person edits and what validation found (the area with
// four decimals, as the column keeps it). No server-only import: the demo seeding uses it too.
import type { plots } from "@/lib/db/schema";

import type { PreparedPlot } from "./prepare";

type Plot = typeof plots.$inferSelect;

/** What the audit log keeps of a plot: what a person edits and what validation found. */
export const auditedPlot = (p: Pick<Plot, keyof PreparedPlot>) => ({
  reference: p.reference,
  producer_name: p.producerName,
  country: p.country,
  region: p.region,
  geometry: p.geometry,
  area_ha: Number(p.areaHa).toFixed(4),
  problems: p.problems,
});
