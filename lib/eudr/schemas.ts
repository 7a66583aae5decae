// What the plot endpoints and pages take in: a plot, an edit, the list's filters, an upload of many
// plots (GeoJSON or CSV text) and a batch's plot list with shares. Client-safe.
import { z } from "zod";

import { ZBodyId, ZId } from "@/lib/api/params";
import { cursor, decimal, fitsDigits, text } from "@/lib/api/zod";

import { ZGeometry } from "./geometry";

const areaHa = decimal(4)
  .refine((v) => /[1-9]/.test(v), "must be more than zero")
  .refine(fitsDigits(8), "must be below 100,000,000 ha");

export const ZPlotFields = z.strictObject({
  reference: text().trim().min(1, "is required").max(100),
  producer_name: text().trim().min(1, "is required").max(200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code, like CO"),
  region: text().trim().max(200).nullish(),
  geometry: ZGeometry,
  /** Required for a point (its declared area); ignored for a polygon, whose area is computed. */
  area_ha: areaHa.nullish(),
});
export type PlotFields = z.infer<typeof ZPlotFields>;

/** A new plot: the operating company's staff may file it under a producer organisation. */
export const ZNewPlot = ZPlotFields.extend({ organisation_id: ZBodyId.nullish() });
export type NewPlot = z.infer<typeof ZNewPlot>;

export const ZPlotEdit = ZPlotFields.partial().refine((e) => Object.keys(e).length > 0, "change at least one field");
export type PlotEdit = z.infer<typeof ZPlotEdit>;

export const ZPlotQuery = z.strictObject({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code, like CO")
    .optional(),
  has_problems: z.enum(["yes", "no"]).optional(),
  q: text().trim().min(1).max(100).optional(),
  cursor: cursor(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlotQuery = z.infer<typeof ZPlotQuery>;

export const uploadFormats = ["geojson", "csv"] as const;

/** A file of many plots, as text: a GeoJSON FeatureCollection or a CSV with a header row. */
export const ZPlotUpload = z.strictObject({
  format: z.enum(uploadFormats, { error: "must be geojson or csv" }),
  content: text().min(1, "is empty").max(5_000_000, "must be at most 5 MB"),
  organisation_id: ZBodyId.nullish(),
});
export type PlotUpload = z.infer<typeof ZPlotUpload>;

const sharePct = decimal(2)
  .refine((v) => /[1-9]/.test(v), "must be more than zero")
  .refine((v) => Number(v) <= 100, "must be at most 100");

/** The batch's whole plot list: what it lists afterwards (empty unlinks every plot). */
export const ZBatchPlots = z.strictObject({
  plots: z
    .array(z.strictObject({ plot_id: ZBodyId, share_pct: sharePct }))
    .max(500)
    .refine((ps) => new Set(ps.map((p) => p.plot_id)).size === ps.length, "lists a plot twice"),
});
export type BatchPlotsInput = z.infer<typeof ZBatchPlots>;

export const plotParams = z.object({ plot_id: ZId });
