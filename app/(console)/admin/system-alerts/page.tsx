import type { Metadata } from "next";
import Link from "next/link";

import { SystemAlertsTable } from "@/components/admin/system-alerts-table";
import { DetectorsPanel } from "@/components/recommendations/detectors-panel";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList, placeOf } from "@/components/ui/paged-list";
import { filterViews, ViewTabs } from "@/components/ui/view-tabs";
import { listSystemAlerts } from "@/lib/alerts/system";
import { ZSystemAlertQuery } from "@/lib/alerts/system-schemas";
import { loadListPage, readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";

export const metadata: Metadata = { title: "System alerts" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };
const views = [{ label: "All" }, { label: "Open", value: "open" }, { label: "Resolved", value: "resolved" }] as const;
const path = "/admin/system-alerts";

export default async function SystemAlertsPage({ searchParams }: Props) {
  await requirePageUser(path);
  const filtersInUrl = readFilters(await searchParams);
  const { values } = filtersInUrl;
  const result = await loadListPage(ZSystemAlertQuery, filtersInUrl, (q) => listSystemAlerts(getDb(), q));
  const place = placeOf(path, ["status"], filtersInUrl);
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
