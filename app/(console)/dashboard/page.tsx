import type { Metadata } from "next";

import { Dashboard } from "@/components/dashboard/dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { listRecentActivities } from "@/lib/activities/recent";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboardMetrics } from "@/lib/dashboard/metrics";
import { getDb } from "@/lib/db/server";
import { getStatusDeps } from "@/lib/system/server";
import { getSystemStatus } from "@/lib/system/status";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

/** What the page shows: a member sees its organisation's own, the operating company's staff everything. */
const intro = {
  member: "Your organisation's batches and what happened to them lately, live.",
  staff: "The whole inventory, the system's health and what happened lately, live.",
};

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const db = getDb();
  // The first paint has real figures; the page then reads the same endpoints every few seconds.
  const [metrics, status, activities] = await Promise.all([
    getDashboardMetrics(db, user.scope),
    user.isMember ? null : getSystemStatus(getStatusDeps()),
    listRecentActivities(db, { limit: 20 }, user.scope),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Dashboard">{user.isMember ? intro.member : intro.staff}</PageHeader>
      <Dashboard initial={{ metrics, status, activities }} />
    </div>
  );
}
