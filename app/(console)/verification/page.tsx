import type { Metadata } from "next";

import { LiveRefresh } from "@/components/live-refresh";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { OpenAlerts } from "@/components/verification/open-alerts";
import { QueueFilters } from "@/components/verification/queue-filters";
import { RequestQueue } from "@/components/verification/request-queue";
import { listOpenAlerts } from "@/lib/alerts/alerts";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listRequests } from "@/lib/verification/requests";
import { ZRequestListQuery } from "@/lib/verification/schemas";

import { openList, type ListProps } from "../page-loads";

export const metadata: Metadata = { title: "Verification engine" };
export const dynamic = "force-dynamic";

export default async function VerificationPage({ searchParams }: ListProps) {
  const { user, values, place } = await openList("/verification", searchParams);
  const query = ZRequestListQuery.safeParse(values);
  const [page, alerts] = await Promise.all([
    query.success ? listRequests(getDb(), query.data, user.scope) : null,
    listOpenAlerts(getDb(), user.scope),
  ]);

  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Verification engine" aside={<LiveRefresh stream="/api/batches/stream" />}>
        Counts requested for minted batches, newest first. A verifier records the count; beyond the tolerance it is
        rejected and an alert raised.
      </PageHeader>
      <QueueFilters status={values.status} batchCode={values.batch_code} />
      {!query.success && (
        <Notice>
          These filters are not valid: {query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </Notice>
      )}
      {page && (
        // Mounted even when the page is empty, so a live refresh that empties it keeps an open dialog.
        <RequestQueue
          key={JSON.stringify(values)}
          requests={page.data}
          empty={
            place.cursor
              ? "No older requests."
              : "No verification requests match these filters. Request one from a batch's page."
          }
          canProcess={can(user, "POST /api/verification-requests/[request_id]/process")}
          canDetect={can(user, "POST /api/batches/[batch_id]/detect-fraud")}
          canVerify={can(user, "POST /api/batches/[batch_id]/verify")}
        />
      )}
      <Pager {...place} next={page?.next_cursor ?? null} nextLabel="Older requests" firstLabel="Newest requests" />
      <OpenAlerts alerts={alerts} canResolve={can(user, "POST /api/batches/[batch_id]/resolve-alert")} />
    </div>
  );
}
