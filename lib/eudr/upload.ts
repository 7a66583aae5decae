// Many plots at once from a GeoJSON or CSV file, with a report per row. A row that cannot be a plot
// (a missing or malformed field, a coordinate off the globe, a ring with no area, a reference given
// twice in the file) is refused with its reasons and changes nothing; every other row lands in one
// transaction: created, or updated when its reference exists in the organisation (unchanged when
// nothing differs). A plot that breaks an EUDR rule lands with its problems listed.
import "server-only";

import { and, inArray } from "drizzle-orm";

import { recordAudit } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";
import { plots } from "@/lib/db/schema";

import { holdLayers, measurePlots } from "./measure";
import { auditedPlot, lockOrganisationPlots, ownerIs, ownerOf, updatePlot, type Who } from "./plots";
import { preparePlot, type PreparedPlot } from "./prepare";
import { ZPlotFields, type PlotUpload } from "./schemas";
import { readCsv, readGeoJson } from "./upload-rows";

export type RowReport = {
  row: number;
  reference: string | null;
  outcome: "created" | "updated" | "unchanged" | "refused";
  plot_id: number | null;
  reasons: string[];
  problems: string[];
};

const referenceOf = (fields: Record<string, unknown>) =>
  typeof fields.reference === "string" && fields.reference.trim() ? fields.reference.trim() : null;

export async function uploadPlots(db: Db, scope: Scope, input: PlotUpload, who: Who) {
  const organisationId = await ownerOf(db, scope, input.organisation_id);
  const raw = input.format === "geojson" ? readGeoJson(input.content) : readCsv(input.content);
  const reports: RowReport[] = [];
  const good: { report: RowReport; plot: PreparedPlot }[] = [];
  const seen = new Map<string, number>();
  for (const r of raw) {
    const reference = "fields" in r ? referenceOf(r.fields) : null;
    const report: RowReport = { row: r.row, reference, outcome: "refused", plot_id: null, reasons: [], problems: [] };
    reports.push(report);
    if ("reasons" in r) {
      report.reasons = r.reasons;
      continue;
    }
    const parsed = ZPlotFields.safeParse(r.fields);
    if (!parsed.success) {
      report.reasons = parsed.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}.`);
      continue;
    }
    const prepared = preparePlot(parsed.data);
    if ("errors" in prepared) {
      report.reasons = prepared.errors;
      continue;
    }
    const earlier = seen.get(prepared.plot.reference);
    if (earlier) {
      report.reasons = [`reference ${prepared.plot.reference} is given twice in the file (row ${earlier} too).`];
      continue;
    }
    seen.set(prepared.plot.reference, r.row);
    report.problems = prepared.plot.problems;
    good.push({ report, plot: prepared.plot });
  }
  if (good.length) await store(db, organisationId, good, who);
  const count = (o: RowReport["outcome"]) => reports.filter((r) => r.outcome === o).length;
  return {
    rows: reports.length,
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    refused: count("refused"),
    report: reports,
  };
}

async function store(
  db: Db,
  organisationId: number | null,
  good: { report: RowReport; plot: PreparedPlot }[],
  who: Who,
) {
  await db.transaction(async (tx) => {
    await holdLayers(tx);
    await lockOrganisationPlots(tx, organisationId);
    const existing = await tx
      .select()
      .from(plots)
      .where(
        and(
          ownerIs(organisationId),
          inArray(
            plots.reference,
            good.map((g) => g.plot.reference),
          ),
        ),
      );
    const byReference = new Map(existing.map((p) => [p.reference, p]));
    const fresh = good.filter((g) => !byReference.has(g.plot.reference));
    for (const { report, plot } of good) {
      const before = byReference.get(plot.reference);
      if (!before) continue;
      report.plot_id = before.id;
      report.outcome = (await updatePlot(tx, before, plot, who)) ? "updated" : "unchanged";
    }
    // New plots in one insert and their audit records in one append: a file of thousands stays quick.
    for (let i = 0; i < fresh.length; i += 1_000) {
      const chunk = fresh.slice(i, i + 1_000);
      const rows = await tx
        .insert(plots)
        .values(chunk.map((g) => ({ ...g.plot, organisationId, createdBy: who.userId })))
        .returning();
      const byRef = new Map(rows.map((r) => [r.reference, r]));
      for (const g of chunk) {
        g.report.plot_id = byRef.get(g.plot.reference)!.id;
        g.report.outcome = "created";
      }
      await recordAudit(
        tx,
        ...rows.map((row) => ({
          entity: "plot",
          entityId: row.id,
          action: "created",
          actor: who.actor,
          after: auditedPlot(row),
          note: "Uploaded.",
        })),
      );
    }
    // Every plot filed or changed here is measured against the deforestation layers before it commits.
    await measurePlots(
      tx,
      good.filter((g) => g.report.outcome !== "unchanged").map((g) => g.report.plot_id!),
    );
  });
}
