import type { Metadata } from "next";
import Link from "next/link";

import { MarkAllReadButton } from "@/components/notifications/notification-actions";
import { NotificationsTable } from "@/components/notifications/notifications-table";
import { ProposedActions } from "@/components/recommendations/proposed-actions";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/ui/paged-list";
import { getDb } from "@/lib/db/server";
import { listNotifications } from "@/lib/notifications/inbox";
import { ZNotificationQuery } from "@/lib/notifications/schemas";

import { openList, type ListProps } from "../page-loads";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

const views = [{ label: "All" }, { label: "Unread", value: "true" }] as const;
const path = "/inbox";

export default async function InboxPage({ searchParams }: ListProps) {
  const { user: me, values, load } = await openList(path, searchParams, ["unread"]);
  const list = await load(ZNotificationQuery, (q) => listNotifications(getDb(), me.id, q));
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
      <PagedList
        {...list}
        views={{ name: "unread", options: views }}
        nextLabel="Older notifications"
        empty={values.unread ? "No unread notifications." : "No notifications yet."}
        card={(page) => ({
          title: `Notifications (${page.unread} unread)`,
          id: "notifications-title",
          actions: <MarkAllReadButton unread={page.unread} />,
        })}
      >
        {(page) => <NotificationsTable notifications={page.data} />}
      </PagedList>
      <ProposedActions user={me} />
    </div>
  );
}
