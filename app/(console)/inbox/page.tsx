import type { Metadata } from "next";
import Link from "next/link";

import { MarkAllReadButton } from "@/components/notifications/notification-actions";
import { NotificationsTable } from "@/components/notifications/notifications-table";
import { ProposedActions } from "@/components/recommendations/proposed-actions";
import { Card, Empty } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { loadListPage, readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { listNotifications } from "@/lib/notifications/inbox";
import { ZNotificationQuery } from "@/lib/notifications/schemas";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };
const views = [
  { label: "All", unread: undefined },
  { label: "Unread", unread: "true" },
] as const;
const path = "/inbox";

export default async function InboxPage({ searchParams }: Props) {
  const me = await requirePageUser(path);
  const filtersInUrl = readFilters(await searchParams);
  const { values } = filtersInUrl;
  const result = await loadListPage(ZNotificationQuery, filtersInUrl, (q) => listNotifications(getDb(), me.id, q));
  const filters = new URLSearchParams(values.unread ? [["unread", values.unread]] : []);
  const page = "page" in result ? result.page : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Inbox">
        Alerts that reached you, newest first; each links to its batch or system alert. Which alerts reach you, and
        whether by email too, is set on your{" "}
        <Link href="/account#alert-notifications" className="underline">
          account
        </Link>
        .
      </PageHeader>
      <nav aria-label="Show" className="flex flex-wrap gap-2 text-sm">
        {views.map((v) => (
          <Link
            key={v.label}
            href={v.unread ? `${path}?unread=${v.unread}` : path}
            aria-current={values.unread === v.unread ? "page" : undefined}
            className="rounded-full border border-stone-300 px-3 py-0.5 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:border-stone-700 dark:aria-[current=page]:bg-stone-100 dark:aria-[current=page]:text-stone-900"
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {!page ? (
        <Notice>{"invalid" in result ? result.invalid : null}</Notice>
      ) : (
        <Card
          title={`Notifications (${page.unread} unread)`}
          id="notifications-title"
          actions={<MarkAllReadButton unread={page.unread} />}
        >
          {page.data.length === 0 ? (
            <Empty>{values.unread ? "No unread notifications." : "No notifications yet."}</Empty>
          ) : (
            <NotificationsTable notifications={page.data} />
          )}
          <Pager
            path={path}
            filters={filters}
            cursor={values.cursor}
            back={filtersInUrl.back}
            next={page.next_cursor}
            nextLabel="Older notifications"
          />
        </Card>
      )}
      <ProposedActions user={me} />
    </div>
  );
}
