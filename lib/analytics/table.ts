// What every chart is: a table (the same rows feed the chart, the table view and the CSV) and how
// to draw it. No server dependencies, so client components can import the types.
import { csvRow } from "@/lib/csv";

export type Cell = string | number | null;
export type Column = { key: string; label: string; isNumeric?: boolean };
export type Series = {
  key: string;
  label: string;
  type: "line" | "bar";
  axis?: "left" | "right";
  stack?: string;
  isDashed?: boolean;
};
export type ChartSpec = {
  x: string;
  series: Series[];
  /** Category bars drawn sideways, for long labels. */
  isVertical?: boolean;
  /** A shaded band between two columns (the forecast's prediction interval). */
  band?: { lower: string; upper: string; label: string };
  leftUnit?: string;
  rightUnit?: string;
};
export type ChartTable = {
  id: string;
  title: string;
  description: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  chart: ChartSpec;
  note?: string;
};

/** A chart's columns as [key, label] pairs: what it is drawn along first, then its figures. */
export const columnsOf = (x: [string, string], ...figures: [string, string][]): Column[] => [
  { key: x[0], label: x[1] },
  ...figures.map(([key, label]) => ({ key, label, isNumeric: true })),
];

const seriesOf =
  (type: Series["type"]) =>
  (key: string, label: string, more?: Partial<Series>): Series => ({ key, label, type, ...more });
/** A series drawn as bars, or as a line (`{ axis: "right" }` for a second unit). */
export const bar = seriesOf("bar");
export const line = seriesOf("line");

/** The table as CSV (RFC 4180, CRLF), with the table view's column labels as the header. */
export function toCsv(table: Pick<ChartTable, "columns" | "rows">): string {
  return [
    csvRow(table.columns.map((c) => c.label)),
    ...table.rows.map((row) => csvRow(table.columns.map((c) => row[c.key] ?? null))),
  ].join("");
}

/** Signed kilograms with 3 decimals as integer grams, and back: exact sums. */
export function kgToSignedGrams(kg: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(kg.trim());
  if (!match) throw new RangeError(`not a quantity in kg: ${kg}`);
  const grams = BigInt(match[2] + (match[3] ?? "").padEnd(3, "0"));
  return match[1] ? -grams : grams;
}

export function signedGramsToKg(grams: bigint): string {
  const digits = (grams < 0n ? -grams : grams).toString().padStart(4, "0");
  return `${grams < 0n ? "-" : ""}${digits.slice(0, -3)}.${digits.slice(-3)}`;
}

/** A percentage with one decimal, or null without a denominator. */
export const pct = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
