// EUDR plots (issue 21): the places coffee is grown, kept by the operating company's staff or by a
// producer's members for their organisation; uploaded in bulk with a per-row report; and the plots
// (with shares) each batch came from, which make it EUDR-ready.
import { z } from "zod";

import { ZNoQuery } from "@/lib/api/params";
import { operators, readers } from "@/lib/auth/permissions";
import { ZBatchPlots, ZNewPlot, ZPlotEdit, ZPlotQuery, ZPlotUpload } from "@/lib/eudr/schemas";

import { endpoints } from "./define";
import { numberOrNull, pageOf, textOrNull, ZAuditJson } from "./shapes";

const writers = { roles: operators, members: true, apiKeys: true };
const position = z.array(z.number());

const ZPlotJson = z.object({
  id: z.number(),
  organisation_id: numberOrNull,
  organisation: textOrNull,
  reference: z.string(),
  producer_name: z.string(),
  country: z.string().describe("ISO 3166-1 alpha-2"),
  region: textOrNull,
  geometry: z.union([
    z.object({ type: z.literal("Point"), coordinates: position }),
    z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(position)) }),
  ]),
  area_ha: z.string().describe("Hectares, four decimals: computed for a polygon, declared for a point"),
  problems: z.array(z.string()).describe("What validation found; empty when the plot is valid"),
  has_problems: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});

const ZPlotDetail = ZPlotJson.extend({
  batches: z.array(z.object({ id: z.number(), batch_code: z.string(), share_pct: z.string() })),
  history: z.array(ZAuditJson),
});

const ZUploadReport = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  refused: z.number(),
  report: z.array(
    z.object({
      row: z.number(),
      reference: textOrNull,
      outcome: z.enum(["created", "updated", "unchanged", "refused"]),
      plot_id: numberOrNull,
      reasons: z.array(z.string()),
      problems: z.array(z.string()),
    }),
  ),
});

const ZBatchPlotsJson = z.object({
  batch_id: z.number(),
  batch_code: z.string(),
  is_eudr_ready: z.boolean(),
  reasons: z.array(z.string()),
  plots_hash: z
    .string()
    .describe("sha-256 of the canonical JSON of the plots (reference, geometry, share), sorted by reference"),
  plots: z.array(ZPlotJson.extend({ share_pct: z.string() })),
});

export const plots = endpoints({
  listPlots: {
    route: "GET /api/plots",
    rule: readers,
    summary:
      "Plots, newest first. Filters: country (ISO-2), has_problems (yes/no), q (reference, producer or region). A producer's members see their organisation's plots only.",
    query: ZPlotQuery,
    response: pageOf(ZPlotJson),
  },

  createPlot: {
    route: "POST /api/plots",
    rule: writers,
    summary:
      "File a plot: GeoJSON geometry (WGS 84, longitude first), a point (with its declared area_ha) or a polygon (its area computed). 422 with `reasons` when the geometry is unusable (off the globe, a ring with no area); a plot breaking an EUDR rule is stored with its `problems`. 409 when the reference exists in the organisation.",
    body: ZNewPlot,
    response: ZPlotDetail,
    statuses: [201],
  },

  uploadPlots: {
    route: "POST /api/plots/upload",
    rule: writers,
    summary:
      "Upload many plots: `content` is a GeoJSON FeatureCollection or a CSV (reference, producer_name, country, region, area_ha, and latitude/longitude or a GeoJSON `geometry` column). Answers a report per row: created, updated (same reference), unchanged, or refused with its reasons; refused rows change nothing, the others are stored together.",
    body: ZPlotUpload,
    response: ZUploadReport,
  },

  getPlot: {
    route: "GET /api/plots/[plot_id]",
    rule: readers,
    summary: "A plot, the batches that list it and its edit history.",
    query: ZNoQuery,
    response: ZPlotDetail,
  },

  editPlot: {
    route: "PATCH /api/plots/[plot_id]",
    rule: writers,
    summary:
      "Edit a plot: the whole plot is checked again. Audited (before and after); each batch listing it gets its plot list's new hash in the audit log.",
    body: ZPlotEdit,
    response: ZPlotDetail,
  },

  getBatchPlots: {
    route: "GET /api/batches/[batch_id]/plots",
    rule: readers,
    summary: "The plots a batch came from, with shares; whether it is EUDR-ready and why not; the list's hash.",
    query: ZNoQuery,
    response: ZBatchPlotsJson,
  },

  setBatchPlots: {
    route: "PUT /api/batches/[batch_id]/plots",
    rule: writers,
    summary:
      "Replace the batch's plot list (an empty list unlinks every plot). Shares must sum to 100 (422). The new list's hash goes to the audit log, and from there on chain with the next anchor.",
    body: ZBatchPlots,
    response: ZBatchPlotsJson,
  },
});
