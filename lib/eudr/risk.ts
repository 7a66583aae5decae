// The risk assessment of a batch (or an order's batches): each factor with its value and whether it
// passes; the risk is negligible only when every factor passes. A pure function over the plots'
// facts, so the test names each factor's failure; loadRiskInput gathers the facts.
import type { eudrRiskLevels, landUses } from "@/lib/db/enums";

import { benchmarkOf } from "./benchmarks";
import { maxPointHa } from "./geometry";

export type RiskPlot = {
  id: number;
  reference: string;
  producerName: string;
  country: string;
  geometryType: "Point" | "Polygon";
  areaHa: string;
  problems: string[];
  declaration: { landUse: (typeof landUses)[number]; isDeforestationFree: boolean } | null;
  documentCount: number;
  /** The largest overlap with any deforestation layer, hectares. */
  overlapHa: string;
};
export type RiskInput = { plots: RiskPlot[]; layerCount: number };
export type RiskFactor = { name: string; passed: boolean; value: string; sentence: string };
export type RiskAssessment = { level: (typeof eudrRiskLevels)[number]; factors: RiskFactor[]; reasons: string[] };

const refs = (plots: RiskPlot[]) => plots.map((p) => p.reference).join(", ");

function factor(name: string, failing: RiskPlot[], value: string, pass: string, fail: string): RiskFactor {
  const passed = failing.length === 0;
  return { name, passed, value, sentence: passed ? pass : `${fail}: ${refs(failing)}.` };
}

export function assessRisk({ plots, layerCount }: RiskInput): RiskAssessment {
  const countries = [...new Set(plots.map((p) => p.country))].sort();
  const benchmarks = countries.map((c) => `${c} ${benchmarkOf(c)}`);
  const high = plots.filter((p) => benchmarkOf(p.country) === "high");
  const undeclared = plots.filter(
    (p) => !p.declaration || !p.declaration.isDeforestationFree || p.declaration.landUse === "converted_after_2020",
  );
  const overlapping = plots.filter((p) => Number(p.overlapHa) > 0);
  const factors: RiskFactor[] = [
    {
      name: "plots_linked",
      passed: plots.length > 0,
      value: String(plots.length),
      sentence: plots.length
        ? `${plots.length} plot${plots.length === 1 ? "" : "s"} of production listed.`
        : "No plot of production is listed: the geolocation is missing.",
    },
    factor(
      "country_benchmark",
      high,
      benchmarks.join(", ") || "none",
      countries.length
        ? `Country benchmark ${benchmarks.join(", ")}: none is high risk.`
        : "No country of production yet.",
      "Produced in a high-risk country",
    ),
    factor(
      "plots_valid",
      plots.filter((p) => p.problems.length > 0),
      `${plots.filter((p) => !p.problems.length).length} of ${plots.length} valid`,
      "Every plot's geolocation is valid.",
      "Plots with invalid geolocation",
    ),
    factor(
      "point_over_4ha",
      plots.filter((p) => p.geometryType === "Point" && Number(p.areaHa) > maxPointHa),
      `${maxPointHa} ha limit`,
      `No plot above ${maxPointHa} ha is given as a single point.`,
      `Plots above ${maxPointHa} ha given as a point, not a polygon`,
    ),
    factor(
      "declarations",
      undeclared,
      `${plots.length - undeclared.length} of ${plots.length} declared`,
      "Every producer declares the plot deforestation-free since 2020-12-31.",
      "Plots without a deforestation-free declaration (or converted after 2020)",
    ),
    factor(
      "legality_documents",
      plots.filter((p) => p.documentCount === 0),
      `${plots.filter((p) => p.documentCount > 0).length} of ${plots.length} documented`,
      "Every plot has a legality document.",
      "Plots without a legality document",
    ),
    factor(
      "deforestation_overlap",
      overlapping,
      layerCount ? `${layerCount} layer${layerCount === 1 ? "" : "s"}` : "no layer",
      layerCount
        ? "No plot overlaps an area deforested after 2020."
        : "No deforestation layer uploaded to check against.",
      "Plots overlapping an area deforested after 2020",
    ),
  ];
  const reasons = factors.filter((f) => !f.passed).map((f) => f.sentence);
  return { level: reasons.length ? "not_negligible" : "negligible", factors, reasons };
}
