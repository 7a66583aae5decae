// A plot's geometry checked against the EUDR's geolocation rules (Regulation 2023/1115, art. 2(28) and
// 9(1)(d)): GeoJSON in WGS 84, longitude first, at least six decimal places, a point only for plots up
// to 4 ha, closed rings that enclose an area and never cross themselves, inside the stated country.
// Client-safe: the upload form and the demo use it too. One rule, one function, one sentence.
import { area } from "@turf/area";
import { kinks } from "@turf/kinks";
import type { Polygon } from "geojson";
import { z } from "zod";

import { countryBounds, type Bounds } from "./country-bounds";

/** The largest plot a single point may stand for (EUDR art. 2(28)); above it a polygon is required. */
export const maxPointHa = 4;
export const minDecimals = 6;

const position = z.array(z.number().finite()).min(2, "a position needs a longitude and a latitude").max(3);
export const ZGeometry = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("Point"), coordinates: position }),
  z.strictObject({
    type: z.literal("Polygon"),
    coordinates: z.array(z.array(position).min(1, "a ring needs positions")).min(1, "a polygon needs a ring"),
  }),
]);
export type PlotGeometry = z.infer<typeof ZGeometry>;
type Position = number[];

/** What a check found: `errors` make the geometry unusable (the plot is refused); `problems` are kept with the plot. */
export type GeometryCheck = { errors: string[]; problems: string[]; areaHa: string | null };

const positionsOf = (g: PlotGeometry): Position[] => (g.type === "Point" ? [g.coordinates] : g.coordinates.flat());
const at = (p: Position) => `${p[0]}, ${p[1]}`;

/** Decimal places as the number is written (JSON keeps no trailing zeros, so 9.1 counts one). */
export function decimalsOf(n: number): number {
  const [mantissa, exponent = "0"] = String(n).toLowerCase().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

export function checkRange(g: PlotGeometry): string[] {
  for (const p of positionsOf(g)) {
    if (Math.abs(p[0]) > 180) return [`Longitude ${p[0]} (position ${at(p)}) is outside −180…180.`];
    if (Math.abs(p[1]) > 90)
      return [
        `Latitude ${p[1]} (position ${at(p)}) is outside −90…90${Math.abs(p[0]) <= 90 ? ": GeoJSON puts longitude first, then latitude" : ""}.`,
      ];
  }
  return [];
}

export function checkPrecision(g: PlotGeometry): string[] {
  const coarse = positionsOf(g).filter((p) => decimalsOf(p[0]) < minDecimals || decimalsOf(p[1]) < minDecimals);
  if (!coarse.length) return [];
  const p = coarse[0];
  return [
    `Position ${at(p)} has ${Math.min(decimalsOf(p[0]), decimalsOf(p[1]))} decimal places (${coarse.length} position${coarse.length > 1 ? "s" : ""} in all); EUDR needs at least ${minDecimals}.`,
  ];
}

/** Rings with fewer than four positions, or all on one line, enclose no area: the polygon is unusable. */
export function checkRingShape(g: PlotGeometry): string[] {
  if (g.type !== "Polygon") return [];
  return g.coordinates.flatMap((ring, i) => {
    if (ring.length < 4) return [`Ring ${i + 1} has ${ring.length} positions; a closed ring needs at least 4.`];
    if (isAligned(ring)) return [`Ring ${i + 1}'s positions all lie on one line, so it encloses no area.`];
    return [];
  });
}

function isAligned(ring: Position[]): boolean {
  const [a] = ring;
  const b = ring.find((p) => p[0] !== a[0] || p[1] !== a[1]);
  if (!b) return true;
  return ring.every((p) => Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) < 1e-14);
}

export function checkClosed(g: PlotGeometry): string[] {
  if (g.type !== "Polygon") return [];
  return g.coordinates.flatMap((ring, i) => {
    const [first, last] = [ring[0], ring.at(-1)!];
    return first[0] === last[0] && first[1] === last[1]
      ? []
      : [`Ring ${i + 1} is not closed: its last position (${at(last)}) must repeat its first (${at(first)}).`];
  });
}

export function checkSelfIntersection(g: PlotGeometry): string[] {
  if (g.type !== "Polygon") return [];
  const crossings = kinks(closed(g)).features;
  if (!crossings.length) return [];
  const p = crossings[0].geometry.coordinates;
  return [
    `The polygon crosses itself at ${p[0].toFixed(6)}, ${p[1].toFixed(6)}${crossings.length > 1 ? ` (${crossings.length} crossings)` : ""}.`,
  ];
}

export function checkPointArea(g: PlotGeometry, declaredHa: number | null): string[] {
  if (g.type !== "Point" || declaredHa === null || declaredHa <= maxPointHa) return [];
  return [
    `A point stands for a plot of at most ${maxPointHa} ha; this one declares ${declaredHa} ha, so it needs its polygon.`,
  ];
}

const inside = (b: Bounds, p: Position) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

export function checkCountry(g: PlotGeometry, country: string): string[] {
  const bounds = countryBounds[country];
  if (!bounds) return [`No bounds are kept for country ${country}, so the plot cannot be shown to lie in it.`];
  const outside = positionsOf(g).filter((p) => !inside(bounds, p));
  if (!outside.length) return [];
  if (outside.every((p) => inside(bounds, [p[1], p[0]])))
    return [
      `Position ${at(outside[0])} looks like latitude first: GeoJSON (WGS 84) puts longitude first, and ${outside[0][1]}, ${outside[0][0]} lies in ${country}.`,
    ];
  const [w, s, e, n] = bounds;
  return [
    `Position ${at(outside[0])} lies outside ${country} (longitude ${w}…${e}, latitude ${s}…${n})${outside.length > 1 ? `, with ${outside.length - 1} more` : ""}.`,
  ];
}

/** The polygon with every ring closed, for the area and the crossings. */
function closed(g: Extract<PlotGeometry, { type: "Polygon" }>): Polygon {
  return {
    type: "Polygon",
    coordinates: g.coordinates.map((ring) => {
      const [first, last] = [ring[0], ring.at(-1)!];
      return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
    }),
  };
}

/** Geodesic area in hectares, four decimals (turf's spherical-excess formula on the WGS 84 mean radius). */
export const polygonAreaHa = (g: Extract<PlotGeometry, { type: "Polygon" }>): number => area(closed(g)) / 10_000;

/**
 * Every rule on one geometry. A point's area is the declared one (required); a polygon's is computed,
 * whatever was declared.
 */
export function checkGeometry(g: PlotGeometry, country: string, declaredHa: string | null): GeometryCheck {
  const errors = [...checkRange(g), ...checkRingShape(g)];
  if (g.type === "Point" && declaredHa === null) errors.push("A point needs its declared area (area_ha).");
  if (errors.length) return { errors, problems: [], areaHa: null };
  const areaHa = g.type === "Point" ? Number(declaredHa) : polygonAreaHa(g);
  if (!(areaHa >= 0.0001))
    return { errors: ["The plot's area must be at least 0.0001 ha."], problems: [], areaHa: null };
  const problems = [
    ...checkPrecision(g),
    ...checkClosed(g),
    ...checkSelfIntersection(g),
    ...checkPointArea(g, g.type === "Point" ? areaHa : null),
    ...checkCountry(g, country),
  ];
  return { errors: [], problems, areaHa: g.type === "Point" ? declaredHa! : areaHa.toFixed(4) };
}
