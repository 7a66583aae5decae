import type { Metadata } from "next";

import { BatchTable } from "@/components/inventory/batch-table";
import { InventoryFilters } from "@/components/inventory/filters";
import { LiveRefresh } from "@/components/live-refresh";
import { SyncPanel } from "@/components/sync/sync-panel";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { ApiError } from "@/lib/api/errors";
import { readFilters, type SearchParams } from "@/lib/api/search-params";
import type { Scope } from "@/lib/auth/scope";
import { requirePageUser } from "@/lib/auth/session";
import { eudrReadyIds } from "@/lib/batches/eudr";
import { countBatches, countOpenAlerts, listBatches, listFilterOptions } from "@/lib/batches/list";
import { ZBatchListQuery } from "@/lib/batches/schemas";
import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listSyncs } from "@/lib/sync/start";

export const metadata: Metadata = { title: "Inventory" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };

/** The page's batches, or why the filters in the URL cannot be used. */
async function load(db: Db, values: Record<string, string>, scope: Scope) {
  const query = ZBatchListQuery.safeParse(values);
  if (!query.success)
    return { invalid: query.error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ") };
  try {
    const [page, total] = await Promise.all([listBatches(db, query.data, scope), countBatches(db, query.data, scope)]);
    return {
      page,
      total,
      openAlerts: Object.fromEntries(
        await countOpenAlerts(
          db,
          page.data.map((b) => b.id),
        ),
      ),
      // plots
      eudrReady: [
        ...(await eudrReadyIds(
          db,
          page.data.map((b) => b.id),
        )),
      ],
    };
  } catch (error) {
    if (error instanceof ApiError) return { invalid: error.message };
    throw error;
  }
}

/** What the page shows: a member sees its organisation's own, the operating company's staff everything. */
const intro = {
  member: "The batches your organisation's wallets hold or held, as indexed from their events.",
  staff: "Every coffee batch minted on chain, as indexed from its events.",
};

export default async function InventoryPage({ searchParams }: Props) {
  const user = await requirePageUser("/inventory");
  const { values, repeated, back } = readFilters(await searchParams);
  const db = getDb();
  const [options, result, [lastSync]] = await Promise.all([
    listFilterOptions(db, user.scope),
    repeated.length
      ? { invalid: `${repeated.join(", ")}: give each filter once (lists are comma-separated)`, page: undefined }
      : load(db, values, user.scope),
    // Sync runs cover every batch: the operating company's staff see them.
    user.isMember ? [] : listSyncs(db, { limit: 1, full: true }),
  ]);
  const { cursor, ...firstPage } = values;
  const permissions = {
    canRequest: can(user, "POST /api/batches/[batch_id]/request-verification"),
    canSync: can(user, "POST /api/batches/[batch_id]/sync"),
    canResolve: can(user, "POST /api/batches/[batch_id]/resolve-alert"),
  };

  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Inventory">{user.isMember ? intro.member : intro.staff}</PageHeader>
      {!user.isMember && <SyncPanel last={lastSync ?? null} canStart={can(user, "POST /api/sync")} />}
      {/* Keyed by the URL: the form shows exactly what the URL holds, after a heading sort or a reset too. */}
      <InventoryFilters values={values} {...options} />
      {result.invalid === undefined && (
        <p className="-mt-2 flex flex-wrap gap-4 text-sm">
          {result.total !== undefined && (
            <span role="status" data-testid="result-count" className="font-medium">
              {result.total.toLocaleString("en-US")} batch{result.total === 1 ? "" : "es"} match
              {result.total === 1 ? "es" : ""}
              {result.page && result.page.data.length < result.total
                ? ` · ${result.page.data.length} shown on this page`
                : ""}
            </span>
          )}
          <a href={`/api/batches/export?${new URLSearchParams(exportable(firstPage))}`} download className="underline">
            Export these batches as CSV
          </a>
        </p>
      )}
      {result.invalid !== undefined && <EmptyState title="These filters are not valid">{result.invalid}</EmptyState>}
      {result.page?.data.length === 0 && (
        <EmptyState title="No batches match these filters">Try fewer filters, or reset them.</EmptyState>
      )}
      {result.page && result.page.data.length > 0 && (
        <>
          <BatchTable
            batches={result.page.data}
            total={result.total}
            openAlerts={result.openAlerts}
            eudrReady={result.eudrReady}
            values={values}
            can={permissions}
          />
          <Pager
            path="/inventory"
            filters={new URLSearchParams(firstPage)}
            cursor={cursor}
            back={back}
            next={result.page.next_cursor}
          />
        </>
      )}
      <LiveRefresh stream="/api/batches/stream" />
    </div>
  );
}

/** The page's filters and sort without the page size, which the export does not take. */
function exportable(values: Record<string, string>): Record<string, string> {
  const { limit: _limit, ...rest } = values;
  return rest;
}
