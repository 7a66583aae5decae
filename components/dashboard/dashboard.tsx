"use client";

// The off-chain dashboard, kept live: the figures, the system status and the first page of the
// activity feed are read again every few seconds; older activity is loaded on request.
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { Activity } from "@/lib/activities/recent";
import type { DashboardMetrics } from "@/lib/dashboard/metrics";
import { call } from "@/lib/endpoints/client";
import type { SystemStatus } from "@/lib/system/status";

import { ActivityFeed } from "./activity-feed";
import { Breakdown, toRows } from "./breakdown";
import { KpiCards } from "./kpi-cards";
import { StatusPanel } from "./status-panel";
import { StockByWarehouse } from "./stock-by-warehouse";
import { utcTime } from "./time";

export const refreshMs = 3_000;

type Feed = { data: Activity[]; next_cursor: string | null };
/** `status` null: the viewer is a producer's or buyer's member, to whom the system's health is not shown. */
export type DashboardData = { metrics: DashboardMetrics; status: SystemStatus | null; activities: Feed };

const live = { refetchInterval: refreshMs, refetchIntervalInBackground: true, staleTime: 0, retry: false } as const;

function Live({ initial }: { initial: DashboardData }) {
  const metrics = useQuery({
    queryKey: ["metrics"],
    queryFn: () => call("GET /api/dashboard/metrics"),
    initialData: initial.metrics,
    ...live,
  });
  const status = useQuery({
    queryKey: ["status"],
    queryFn: (): Promise<SystemStatus | null> => call("GET /api/system/status"),
    initialData: initial.status,
    ...live,
    enabled: initial.status !== null,
  });
  const recent = useQuery({
    queryKey: ["activities"],
    queryFn: () => call("GET /api/activities/recent", { query: { limit: 20 } }),
    initialData: initial.activities,
    ...live,
  });
  const [older, setOlder] = useState<Feed | null>(null);
  const [olderError, setOlderError] = useState<string | null>(null);
  const errors = [metrics.error, status.error, recent.error].filter((e): e is Error => e !== null);
  const m = metrics.data;
  const shown = new Set(recent.data.data.map((a) => a.id));
  const items = [...recent.data.data, ...(older?.data.filter((a) => !shown.has(a.id)) ?? [])];
  const cursor = older ? older.next_cursor : recent.data.next_cursor;

  const loadOlder = async () => {
    if (!cursor) return;
    try {
      const page = await call("GET /api/activities/recent", { query: { limit: 20, cursor } });
      setOlder((o) => ({ data: [...(o?.data ?? []), ...page.data], next_cursor: page.next_cursor }));
      setOlderError(null);
    } catch (error) {
      setOlderError((error as Error).message);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <p className="text-xs text-stone-500 dark:text-stone-400" data-testid="refreshed">
        Figures as of {utcTime(m.as_of)} · refreshed every {refreshMs / 1000} s
      </p>
      {errors.length > 0 && <Notice>Could not refresh: {errors.map((e) => e.message).join("; ")}</Notice>}
      <KpiCards m={m} />
      {status.data && <StatusPanel status={status.data} />}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        <Breakdown title="By status on chain" rows={toRows(m.by_status)} testId="by-status" />
        <Breakdown title="By verification off chain" rows={toRows(m.by_verification_status)} testId="by-verification" />
        <Breakdown title="By origin" rows={m.by_origin_country} testId="by-origin" />
        <Breakdown title="By quality grade" rows={toRows(m.by_quality_grade)} testId="by-grade" />
        <Breakdown title="By fraud risk" rows={toRows(m.by_risk_level)} testId="by-risk" />
        <Breakdown title="By process" rows={toRows(m.by_process)} testId="by-process" />
        <Breakdown title="By warehouse" rows={m.by_warehouse} testId="by-warehouse" />
        <StockByWarehouse rows={m.stock_by_warehouse} />
        <Breakdown title="By sync status" rows={toRows(m.by_sync_status)} testId="by-sync" />
      </div>
      <Card title="Recent activity">
        <ActivityFeed items={items} />
        {cursor && (
          <Button className="self-start" onClick={loadOlder}>
            Show older activity
          </Button>
        )}
        {olderError && <Notice>{olderError}</Notice>}
      </Card>
    </div>
  );
}

export function Dashboard({ initial }: { initial: DashboardData }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Live initial={initial} />
    </QueryClientProvider>
  );
}
