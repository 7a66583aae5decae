// The returns analytics as chart tables (the same rows feed the chart, its table view and, column
// for column, the CSV of GET /api/returns/analytics/export): the return rate by origin, process and
// warehouse, and returns by reason.
import { bar, columnsOf, type ChartTable } from "@/lib/analytics/table";
import type { ReturnAnalytics } from "@/lib/returns/analytics";
import type { ReturnTable } from "@/lib/returns/schemas";

import { reasonLabels } from "./words";

const rateTables = [
  { id: "origin", label: "Origin", title: "Return rate by origin" },
  { id: "process", label: "Process", title: "Return rate by process" },
  { id: "warehouse", label: "Warehouse", title: "Return rate by warehouse" },
] as const;

function rateTable(a: ReturnAnalytics, t: (typeof rateTables)[number]): ChartTable {
  return {
    id: t.id,
    title: t.title,
    description: "Kilograms returned (requests not rejected) against kilograms shipped, in %.",
    columns: columnsOf(
      ["value", t.label],
      ["shipped_kg", "Shipped (kg)"],
      ["returned_kg", "Returned (kg)"],
      ["returns", "Returns"],
      ["rate_pct", "Return rate (%)"],
    ),
    rows: a[`by_${t.id}`].map((r) => ({ ...r })),
    chart: { x: "value", series: [bar("rate_pct", "Return rate (%)")] },
    note: t.id === "warehouse" ? "A return counts at the warehouses its shipment left from, in proportion." : undefined,
  };
}

function reasonTable(a: ReturnAnalytics): ChartTable {
  return {
    id: "reason",
    title: "Returns by reason",
    description: "How many returns give each reason, their kilograms and their share of all returns.",
    columns: columnsOf(
      ["value", "Reason"],
      ["returns", "Returns"],
      ["returned_kg", "Returned (kg)"],
      ["share_pct", "Share (%)"],
    ),
    rows: a.by_reason.map((r) => ({ ...r, value: reasonLabels[r.value as keyof typeof reasonLabels] ?? r.value })),
    chart: { x: "value", series: [bar("returns", "Returns")], isVertical: true },
  };
}

export function returnChartTables(a: ReturnAnalytics): (ChartTable & { id: ReturnTable })[] {
  return [...rateTables.map((t) => ({ ...rateTable(a, t), id: t.id })), { ...reasonTable(a), id: "reason" as const }];
}
