// The inbox as a table: when, how severe, what (linking to its batch or system alert), and its state.
import { ValueBadge } from "@/components/ui/badge";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import type { NotificationJson } from "@/lib/notifications/inbox";

import { MarkReadButton, NotificationLink } from "./notification-actions";

export function NotificationsTable({ notifications }: { notifications: NotificationJson[] }) {
  return (
    <Table testId="notifications" isFramed={false} label="Notifications">
      <TableHead columns={["When", "Severity", "Alert", ""]} />
      <tbody>
        {notifications.map((n) => {
          const isUnread = n.read_at === null;
          return (
            <Row key={n.id} id={`notification-${n.id}`} data-unread={isUnread}>
              <td className={`${cellClass} whitespace-nowrap text-xs`}>{formatWhen(n.created_at)}</td>
              <td className={cellClass}>
                <ValueBadge value={n.severity} />
              </td>
              <td className={cellClass}>
                <NotificationLink id={n.id} href={n.link} isUnread={isUnread}>
                  {n.title}
                </NotificationLink>
                <div className="text-sm text-stone-600 dark:text-stone-400">{n.body}</div>
              </td>
              <td className={`${cellClass} whitespace-nowrap text-right`}>
                {isUnread ? <MarkReadButton id={n.id} /> : <span className="text-xs text-stone-500">Read</span>}
              </td>
            </Row>
          );
        })}
      </tbody>
    </Table>
  );
}
