// The EUDR geolocation rules, each caught with its own sentence on a fixture set of good and bad
// geometries, and polygon areas within 0.5% of references computed or published elsewhere.
import { describe, expect, it } from "vitest";

import { checkGeometry, polygonAreaHa, ZGeometry, type PlotGeometry } from "@/lib/eudr/geometry";

import fixtures from "./fixtures/plots/geometries.json" with { type: "json" };

type Fixture = { country: string; area_ha: string | null; geometry: unknown };
const check = (f: Fixture) => checkGeometry(ZGeometry.parse(f.geometry), f.country, f.area_ha);

describe("plot geometry rules", () => {
  it.each(fixtures.good)("passes $name", (f) => {
    const result = check(f);
    expect(result.errors).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(Number(result.areaHa)).toBeGreaterThan(0);
  });

  it.each(fixtures.bad)("catches the rule: $rule", (f) => {
    const result = check(f);
    if ("error" in f) {
      // Unusable: refused, with nothing else said about it.
      expect(result.errors).toEqual([f.error]);
      expect(result.areaHa).toBeNull();
    } else {
      expect(result.errors).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toContain(f.problem);
    }
  });

  it("refuses what is not a GeoJSON point or polygon", () => {
    expect(
      ZGeometry.safeParse({
        type: "LineString",
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }).success,
    ).toBe(false);
    expect(ZGeometry.safeParse({ type: "Point", coordinates: [1] }).success).toBe(false);
    expect(ZGeometry.safeParse({ type: "Point", coordinates: ["1", "2"] }).success).toBe(false);
  });

  it("takes a point's declared area and computes a polygon's", () => {
    expect(check(fixtures.good[0]).areaHa).toBe("1.5");
    expect(check({ ...fixtures.good[1], area_ha: "999" }).areaHa).toBe(check(fixtures.good[1]).areaHa);
  });
});

// WGS 84 (NIMA TR8350.2): semi-major axis and flattening.
const a = 6378137;
const f = 1 / 298.257223563;
const e2 = f * (2 - f);
const e = Math.sqrt(e2);
const rad = Math.PI / 180;
/** Area of a latitude/longitude quadrangle on the ellipsoid: Snyder, Map Projections — A Working Manual (USGS PP 1395, 1987), eq. 3-12. */
function quadrangleM2(west: number, south: number, east: number, north: number): number {
  const q = (phi: number) => {
    const s = Math.sin(phi * rad);
    return s / (1 - e2 * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  const b2 = a * a * (1 - e2);
  return (b2 * (east - west) * rad * (q(north) - q(south))) / 2;
}
const box = (w: number, s: number, east: number, n: number): Extract<PlotGeometry, { type: "Polygon" }> => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [east, s],
      [east, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe("plot areas", () => {
  it("measures a 1 ha square on the equator within 0.5% of the ellipsoid's area", () => {
    // 100 m × 100 m: 1° of longitude on the equator is 2πa/360 = 111 319.4908 m, 1° of latitude
    // there is πM/180 with M = a(1 − e²) = 6 335 439.327 m, so 110 574.2727 m.
    const [dLon, dLat] = [100 / 111_319.4908, 100 / 110_574.2727];
    const reference = quadrangleM2(-78.5, 0, -78.5 + dLon, dLat) / 10_000;
    expect(reference).toBeCloseTo(1, 4);
    expect(Math.abs(polygonAreaHa(box(-78.5, 0, -78.5 + dLon, dLat)) / reference - 1)).toBeLessThan(0.005);
  });

  it("measures an estate-sized quadrangle in Huila within 0.5% of the ellipsoid's area", () => {
    const reference = quadrangleM2(-75.9, 2.1, -75.88, 2.12) / 10_000;
    expect(Math.abs(polygonAreaHa(box(-75.9, 2.1, -75.88, 2.12)) / reference - 1)).toBeLessThan(0.005);
  });

  it("measures Colorado within 0.5% of its published area", () => {
    // US Census Bureau, 2010 Census State Area Measurements: Colorado, total area 104,093.67 sq mi
    // (1 sq mi = 2.589988110336 km²); its borders run along 37° and 41° N, 102°03′ and 109°03′ W.
    const publishedHa = 104_093.67 * 2.589988110336 * 100;
    expect(Math.abs(polygonAreaHa(box(-109.05, 37, -102.05, 41)) / publishedHa - 1)).toBeLessThan(0.005);
  });
});
