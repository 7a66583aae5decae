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

/** Why a deforested area cannot be used (no area, or a shape the clipper cannot read), or null. */
export function areaProblem(a: Deforested): string | null {
  try {
    if (!(area(a) > 0)) return "it encloses no area";
    intersect(featureCollection([feature(a), feature(a)]));
    return null;
  } catch {
    return "it is not a valid polygon (self-intersecting?)";
  }
}

/**
 * Hectares of the plot inside the deforested areas, four decimals, never more than the plot's area.
 * A plot whose own geometry cannot be intersected (its validation found problems) counts whole:
 * the risk must not look lower because a shape is broken.
 */
export function overlapHa(plot: PlotShape, areas: readonly Deforested[]): string {
  const plotHa = Number(plot.areaHa);
  let overlap = 0;
  if (plot.geometry.type === "Point") {
    const point = plot.geometry;
    overlap = areas.some((a) => booleanPointInPolygon(point, a)) ? plotHa : 0;
  } else {
    const shape = feature(plot.geometry);
    for (const a of areas) {
      try {
        const shared = intersect(featureCollection([shape, feature(a)]));
        if (shared) overlap += area(shared) / squareMetresPerHa;
      } catch {
        return plotHa.toFixed(4);
      }
    }
  }
  return Math.min(overlap, plotHa).toFixed(4);
}
