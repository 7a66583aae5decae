// A plot's fields made ready to store: its geometry checked, its area computed or declared, its
// problems listed; or the reasons it cannot be stored at all. Client-safe (the upload uses it per row).
import { checkGeometry } from "./geometry";
import type { PlotFields } from "./schemas";

export type PreparedPlot = {
  reference: string;
  producerName: string;
  country: string;
  region: string | null;
  geometry: PlotFields["geometry"];
  areaHa: string;
  problems: string[];
};

export function preparePlot(f: PlotFields): { errors: string[] } | { plot: PreparedPlot } {
  const check = checkGeometry(f.geometry, f.country, f.area_ha ?? null);
  if (check.errors.length) return { errors: check.errors };
  return {
    plot: {
      reference: f.reference,
      producerName: f.producer_name,
      country: f.country,
      region: f.region ?? null,
      geometry: f.geometry,
      areaHa: check.areaHa!,
      problems: check.problems,
    },
  };
}
