// Plots drawn as an SVG map that needs no tile server: points and polygons projected (equirectangular
// about the plots' middle, so a few kilometres read true to scale) into a viewBox fitted to their
// bounds, each labelled with its reference, with a scale bar. Server-rendered; no script.
import type { PlotGeometry } from "@/lib/eudr/geometry";

export type MapPlot = { reference: string; geometry: PlotGeometry; area_ha: string; hasProblems?: boolean };

const width = 640;
const pad = 36;
const metresPerDegreeLat = 110_574;
const metresPerDegreeLonAtEquator = 111_320;

const positionsOf = (g: PlotGeometry) => (g.type === "Point" ? [g.coordinates] : g.coordinates.flat());

/** A round length (1, 2 or 5 × 10^k metres) near a quarter of the map's width. */
function scaleLength(metres: number): number {
  const target = metres / 4;
  const power = 10 ** Math.floor(Math.log10(target));
  return [5, 2, 1].map((m) => m * power).find((l) => l <= target) ?? power;
}

const lengthWords = (m: number) => (m >= 1000 ? `${m / 1000} km` : `${m} m`);

export function PlotMap({ plots, label }: { plots: MapPlot[]; label: string }) {
  const all = plots.flatMap((p) => positionsOf(p.geometry));
  if (!all.length) return null;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const mid = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const kx = metresPerDegreeLonAtEquator * Math.cos((mid[1] * Math.PI) / 180);
  // Metres east and north of the middle.
  const toMetres = (p: number[]) => [(p[0] - mid[0]) * kx, (p[1] - mid[1]) * metresPerDegreeLat];
  const metres = all.map(toMetres);
  // At least 400 m across, so a lone point sits in some country.
  const spanX = Math.max(400, ...metres.map((m) => Math.abs(m[0]) * 2));
  const spanY = Math.max(400, ...metres.map((m) => Math.abs(m[1]) * 2));
  const height = Math.round(Math.min(480, Math.max(240, ((width - 2 * pad) * spanY) / spanX + 2 * pad)));
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const xy = (p: number[]) => {
    const [x, y] = toMetres(p);
    return [width / 2 + x * scale, height / 2 - y * scale];
  };
  const bar = scaleLength((width - 2 * pad) / scale);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="plot-map"
      className="h-auto w-full max-w-2xl rounded border border-stone-200 bg-stone-50 dark:border-stone-800 dark:bg-stone-950"
    >
      <title>{label}</title>
      {plots.map((p) => {
        const tone = p.hasProblems ? "fill-amber-400/40 stroke-amber-700" : "fill-emerald-500/30 stroke-emerald-800";
        const anchor =
          p.geometry.type === "Point" ? xy(p.geometry.coordinates) : centre(p.geometry.coordinates[0].map(xy));
        return (
          <g key={p.reference} data-testid="plot-shape" data-reference={p.reference} data-kind={p.geometry.type}>
            <title>{`${p.reference} · ${Number(p.area_ha)} ha`}</title>
            {p.geometry.type === "Point" ? (
              <circle cx={anchor[0]} cy={anchor[1]} r={6} className={`${tone} stroke-2`} />
            ) : (
              <path
                d={p.geometry.coordinates
                  .map(
                    (ring) =>
                      `M${ring
                        .map((q) =>
                          xy(q)
                            .map((v) => v.toFixed(1))
                            .join(","),
                        )
                        .join("L")}Z`,
                  )
                  .join("")}
                fillRule="evenodd"
                className={`${tone} stroke-2`}
              />
            )}
            {/* Labels right of their plot, or left of it near the right edge, so none is cut off. */}
            <text
              x={anchor[0] > width * 0.6 ? anchor[0] - 9 : anchor[0] + 9}
              y={anchor[1] - 9}
              textAnchor={anchor[0] > width * 0.6 ? "end" : "start"}
              className="fill-stone-800 text-[11px] dark:fill-stone-200"
            >
              {p.reference}
            </text>
          </g>
        );
      })}
      <g data-testid="map-scale" className="fill-stone-700 stroke-stone-700 dark:fill-stone-300 dark:stroke-stone-300">
        <path d={`M${pad},${height - 14}h${bar * scale}`} strokeWidth={2} />
        <path d={`M${pad},${height - 19}v10M${pad + bar * scale},${height - 19}v10`} strokeWidth={1} />
        <text x={pad} y={height - 22} className="stroke-0 text-[11px]">
          {lengthWords(bar)}
        </text>
      </g>
    </svg>
  );
}

/** The middle of a ring's bounding box, where its label goes. */
function centre(points: number[][]): number[] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}
