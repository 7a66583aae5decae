"use client";

// A chart in a card, with a table view of the same rows and their CSV.
import { useState } from "react";

import { cardClass } from "@/components/ui/card";
import type { ChartTable } from "@/lib/analytics/table";

import { AnalyticsChart } from "./chart";
import { ChartTableView } from "./chart-table";

const toggle =
  "rounded-md px-2.5 py-1 text-xs font-medium aria-pressed:bg-stone-900 aria-pressed:text-white dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900";

export function ChartCard({ table, csvHref }: { table: ChartTable; csvHref: string }) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const titleId = `chart-${table.id}-title`;
  return (
    <section aria-labelledby={titleId} data-chart={table.id} className={`flex flex-col gap-3 ${cardClass}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={titleId} className="font-semibold">
            {table.title}
          </h2>
          <p className="text-sm text-stone-500 dark:text-stone-400">{table.description}</p>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label={`${table.title}: view`}>
          <button type="button" className={toggle} aria-pressed={view === "chart"} onClick={() => setView("chart")}>
            Chart
          </button>
          <button type="button" className={toggle} aria-pressed={view === "table"} onClick={() => setView("table")}>
            Table
          </button>
          <a href={csvHref} download className="ml-2 text-xs font-medium text-stone-600 underline dark:text-stone-300">
            Download CSV
          </a>
        </div>
      </div>
      {view === "chart" ? (
        table.rows.length > 0 ? (
          <AnalyticsChart table={table} />
        ) : (
          <p className="py-10 text-center text-sm text-stone-500">No data in this range.</p>
        )
      ) : (
        <ChartTableView table={table} />
      )}
      {table.note && <p className="text-xs text-stone-500 dark:text-stone-400">{table.note}</p>}
    </section>
  );
}
