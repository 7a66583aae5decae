"use client";

// One chart drawn from its table: bars and lines on a shared x axis, an optional right axis and an
// optional shaded band. Colours are mid-tones that read on both light and dark backgrounds.
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { ChartTable } from "@/lib/analytics/table";

const palette = [
  "#2563eb",
  "#d97706",
  "#059669",
  "#dc2626",
  "#7c3aed",
  "#0891b2",
  "#db2777",
  "#65a30d",
  "#ea580c",
  "#4f46e5",
  "#0d9488",
  "#a16207",
];
const tick = { fill: "currentColor", fontSize: 12 };

/** Table cells as chart numbers: exact kilogram strings become floats only for drawing. */
function toPoints(table: ChartTable) {
  const { band } = table.chart;
  return table.rows.map((row) => {
    const point: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row))
      point[key] = typeof value === "string" && key !== table.chart.x ? Number(value) : value;
    if (band)
      point.band =
        row[band.lower] === null || row[band.upper] === null
          ? null
          : [Number(row[band.lower]), Number(row[band.upper])];
    return point;
  });
}

export function AnalyticsChart({ table }: { table: ChartTable }) {
  const { chart } = table;
  const hasRight = chart.series.some((s) => s.axis === "right");
  const isVertical = chart.isVertical === true;
  return (
    <div className="h-72 w-full text-stone-600 [--chart-bg:var(--color-white)] [--chart-border:var(--color-stone-200)] dark:text-stone-300 dark:[--chart-bg:var(--color-stone-900)] dark:[--chart-border:var(--color-stone-700)]">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={toPoints(table)}
          layout={isVertical ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 8, bottom: 8, left: isVertical ? 40 : 8 }}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
          {isVertical ? (
            <>
              <XAxis type="number" tick={tick} stroke="currentColor" allowDecimals={false} />
              <YAxis type="category" dataKey={chart.x} tick={tick} stroke="currentColor" width={140} />
            </>
          ) : (
            <>
              <XAxis dataKey={chart.x} tick={tick} stroke="currentColor" minTickGap={16} />
              <YAxis yAxisId="left" tick={tick} stroke="currentColor" width={72} />
              {hasRight && (
                <YAxis
                  yAxisId="right"
                  orientation="right"
                  tick={tick}
                  stroke="currentColor"
                  unit={chart.rightUnit}
                  width={56}
                />
              )}
            </>
          )}
          <Tooltip
            contentStyle={{ background: "var(--chart-bg)", borderColor: "var(--chart-border)", color: "inherit" }}
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          />
          <Legend />
          {chart.band && (
            <Area
              yAxisId={isVertical ? undefined : "left"}
              dataKey="band"
              name={chart.band.label}
              stroke="none"
              fill={palette[1]}
              fillOpacity={0.2}
              isAnimationActive={false}
            />
          )}
          {chart.series.map((s, i) =>
            s.type === "bar" ? (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={palette[i % palette.length]}
                stackId={s.stack}
                yAxisId={isVertical ? undefined : (s.axis ?? "left")}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={palette[i % palette.length]}
                strokeWidth={2}
                strokeDasharray={s.isDashed ? "5 4" : undefined}
                dot={table.rows.length < 40}
                connectNulls={false}
                yAxisId={s.axis ?? "left"}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
