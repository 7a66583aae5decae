import type { Metadata } from "next";

import { SystemAlertsTable } from "@/components/admin/system-alerts-table";
import { DetectorsPanel } from "@/components/recommendations/detectors-panel";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/ui/paged-list";
import { listSystemAlerts } from "@/lib/alerts/system";
import { ZSystemAlertQuery } from "@/lib/alerts/system-schemas";
import { getDb } from "@/lib/db/server";

import { openList, type ListProps } from "../../page-loads";

export const metadata: Metadata = { title: "System alerts" };
export const dynamic = "force-dynamic";

const views = [{ label: "All" }, { label: "Open", value: "open" }, { label: "Resolved", value: "resolved" }] as const;
const path = "/admin/system-alerts";

export default async function SystemAlertsPage({ searchParams }: ListProps) {
  const { values, load } = await openList(path, searchParams, ["status"]);
  const list = await load(ZSystemAlertQuery, (q) => listSystemAlerts(getDb(), q));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="System alerts" link={{ href: "/admin", label: "Back to admin" }}>
        Alerts about Batchtrail itself (a broken audit chain), newest first; an admin resolves each with a note, which
        is audited.
      </PageHeader>
      <PagedList
        {...list}
        views={{ name: "status", options: views }}
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
