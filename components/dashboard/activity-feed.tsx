// The recent-activity feed: newest first, each entry's kind, what happened, to which batch, when.
import Link from "next/link";

import { ValueBadge } from "@/components/ui/badge";
import { Empty } from "@/components/ui/card";
import type { Activity } from "@/lib/activities/recent";

import { utcTime } from "./time";

const kindLabel: Record<Activity["kind"], string> = {
  audit: "Audit",
  event: "Chain event",
  alert: "Alert",
  verification: "Verification",
  sync: "Sync",
};

export function ActivityFeed({ items }: { items: Activity[] }) {
  if (!items.length) return <Empty>Nothing has happened yet.</Empty>;
  return (
    <ol className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800" data-testid="activity-feed">
      {items.map((a) => (
        <li
          key={a.id}
          className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-start sm:gap-3"
          data-activity-id={a.id}
        >
          <time dateTime={a.at} className="shrink-0 font-mono text-xs text-stone-500 sm:w-44 dark:text-stone-400">
            {utcTime(a.at)}
          </time>
          <span className="w-24 shrink-0">
            <ValueBadge value={a.kind}>{kindLabel[a.kind]}</ValueBadge>
          </span>
          <div className="flex min-w-0 flex-1 flex-col">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{a.title}</span>
              {a.severity && <ValueBadge value={a.severity}>{a.severity}</ValueBadge>}
              {a.status && <ValueBadge value={a.status} />}
            </span>
            {a.detail && <span className="truncate text-stone-600 dark:text-stone-300">{a.detail}</span>}
            <span className="flex flex-wrap gap-3 text-xs text-stone-500 dark:text-stone-400">
              {a.batch_id !== null && (
                <Link href={`/batches/${a.batch_id}`} className="font-mono underline" data-testid="activity-batch">
                  {a.batch_code ?? `Batch #${a.batch_id}`}
                </Link>
              )}
              {a.actor && <span data-testid="activity-actor">by {a.actor}</span>}
              {a.tx_hash && <span className="font-mono">tx {a.tx_hash.slice(0, 10)}…</span>}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
