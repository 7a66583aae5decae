import type { Metadata } from "next";
import Link from "next/link";

import { SystemAlertsTable } from "@/components/admin/system-alerts-table";
import { DetectorsPanel } from "@/components/recommendations/detectors-panel";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/ui/paged-list";
import { filterViews, ViewTabs } from "@/components/ui/view-tabs";
import { listSystemAlerts } from "@/lib/alerts/system";
import { ZSystemAlertQuery } from "@/lib/alerts/system-schemas";
import { loadListPage } from "@/lib/api/search-params";
import { getDb } from "@/lib/db/server";

import { openList, type ListProps } from "../../page-loads";

export const metadata: Metadata = { title: "System alerts" };
export const dynamic = "force-dynamic";

const views = [{ label: "All" }, { label: "Open", value: "open" }, { label: "Resolved", value: "resolved" }] as const;
const path = "/admin/system-alerts";

export default async function SystemAlertsPage({ searchParams }: ListProps) {
  const { filters, values, place } = await openList(path, searchParams, ["status"]);
  const result = await loadListPage(ZSystemAlertQuery, filters, (q) => listSystemAlerts(getDb(), q));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="System alerts">
        Alerts about Batchtrail itself (a broken audit chain), newest first; an admin resolves each with a note, which
        is audited. Back to{" "}
        <Link href="/admin" className="underline">
          Admin
        </Link>
        .
      </PageHeader>
      <ViewTabs views={filterViews(path, "status", values.status, views)} />
      <PagedList
        result={result}
        place={place}
        nextLabel="Older alerts"
        empty={values.status ? `No ${values.status} system alerts.` : "No system alerts."}
      >
        {(page) => <SystemAlertsTable alerts={page.data} />}
      </PagedList>
      {/* The monitoring agent (issue 20): its detectors; what it proposes is in each person's inbox. */}
      <DetectorsPanel />
    </div>
  );
}
