// How much of a plot lies in deforested areas, in hectares: a polygon plot's intersection with each
// deforested polygon (geodesic area, @turf/area); a point plot counts whole when it lies inside one.
// Client-safe and pure, so the test can check it against hand-computed areas.
import { area } from "@turf/area";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { MultiPolygon, Point, Polygon } from "geojson";

export type PlotShape = { geometry: Point | Polygon; areaHa: string };
export type Deforested = Polygon | MultiPolygon;

const squareMetresPerHa = 10_000;

/** Hectares of the plot inside the deforested areas, four decimals, never more than the plot's area. */
export function overlapHa(plot: PlotShape, areas: readonly Deforested[]): string {
  const plotHa = Number(plot.areaHa);
  let overlap = 0;
  if (plot.geometry.type === "Point") {
    const point = plot.geometry;
    overlap = areas.some((a) => booleanPointInPolygon(point, a)) ? plotHa : 0;
  } else {
    const shape = feature(plot.geometry);
    for (const a of areas) {
      const shared = intersect(featureCollection([shape, feature(a)]));
      if (shared) overlap += area(shared) / squareMetresPerHa;
    }
  }
  return Math.min(overlap, plotHa).toFixed(4);
}
