import type { Metadata } from "next";

import { ChartCard } from "@/components/analytics/chart-card";
import { AnalyticsFiltersForm } from "@/components/analytics/filters";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAnalyticsStatus, listAnalyticsOptions, listCharts } from "@/lib/analytics/charts";
import { ZAnalyticsFilters, type AnalyticsFilters } from "@/lib/analytics/schemas";
import { readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";

export const metadata: Metadata = { title: "Analytics" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };

const presets = [
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
  { label: "2 years", days: 730 },
];

const daysBefore = (to: string, days: number) =>
  new Date(Date.parse(`${to}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The URL's filters without the date range, plus `extra`: for preset and CSV links. */
function query(f: Partial<AnalyticsFilters>, extra: Record<string, string>): string {
  const kept = Object.entries({ origin: f.origin, process: f.process, warehouse: f.warehouse }).filter(
    (e): e is [string, string] => e[1] !== undefined,
  );
  return new URLSearchParams([...kept, ...Object.entries(extra)]).toString();
}

export default async function AnalyticsPage({ searchParams }: Props) {
  const user = await requirePageUser("/analytics");
  const { values, repeated } = readFilters(await searchParams);
  const parsed = ZAnalyticsFilters.safeParse(values);
  const db = getDb();
  const [options, status] = await Promise.all([listAnalyticsOptions(db, user.scope), getAnalyticsStatus(db)]);
  const invalid = repeated.length
    ? `${repeated.join(", ")}: give each filter once`
    : parsed.success
      ? null
      : parsed.error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ");
  const filters = parsed.success && !invalid ? parsed.data : null;
  const charts = filters ? await listCharts(db, filters, user.scope) : [];
  const today = new Date().toISOString().slice(0, 10);
  const to = filters?.to ?? today;

  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Analytics">
        {filters ? `${filters.from} to ${filters.to} (UTC). ` : ""}
        {user.isMember && "Your organisation's batches, computed as you open the page. "}
        {user.isMember
          ? ""
          : status.refreshed_at
            ? `Figures as of ${status.refreshed_at.slice(0, 16).replace("T", " ")} UTC; refreshed every 5 minutes.`
            : "Not refreshed yet: the worker fills these figures at start and every 5 minutes."}
      </PageHeader>
      <AnalyticsFiltersForm
        key={JSON.stringify(values)}
        values={filters ?? values}
        options={options}
        presets={presets.map((p) => ({
          label: p.label,
          href: `/analytics?${query(filters ?? {}, { from: daysBefore(to, p.days - 1), to })}`,
          isActive: !!filters && filters.from === daysBefore(to, p.days - 1),
        }))}
      />
      {invalid && <EmptyState title="These filters are not valid">{invalid}</EmptyState>}
      {filters && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {charts.map((table) => (
            <ChartCard
              key={table.id}
              table={table}
              csvHref={`/api/analytics?${query(filters, { from: filters.from, to: filters.to, chart: table.id, format: "csv" })}`}
            />
          ))}
        </div>
      )}
    </div>
  );
}
