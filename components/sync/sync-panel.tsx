// The inventory's sync line: the last reconciliation with the chain (or the one running, with its
// progress, live through the batches stream), and "Sync now" for operators.
import Link from "next/link";

import { ActionButton } from "@/components/batch-detail/action-button";
import { ValueBadge } from "@/components/ui/badge";
import { toneStyles } from "@/components/ui/tones";
import { formatWhen } from "@/components/verification/display";
import { activeSyncRunStatuses } from "@/lib/db/enums";
import type { SyncJson } from "@/lib/sync/start";

export function SyncPanel({ last, canStart }: { last: SyncJson | null; canStart: boolean }) {
  const isActive = last && (activeSyncRunStatuses as readonly string[]).includes(last.status);
  return (
    <section
      aria-label="Sync with the chain"
      data-testid="sync-panel"
      data-status={last?.status ?? "none"}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <span className="font-medium">Sync with the chain</span>
      {!last ? (
        <span className="text-stone-500">No reconciliation has run yet.</span>
      ) : (
        <>
          <ValueBadge value={last.status}>{last.status}</ValueBadge>
          {isActive && last.total > 0 && (
            <span className="flex items-center gap-2">
              <progress className="h-2 w-32" value={last.checked} max={last.total} aria-label="Sync progress" />
              {last.checked} of {last.total}
            </span>
          )}
          {!isActive && (
            <span className="text-stone-600 dark:text-stone-400">
              {last.checked} checked · {last.updated} updated · {last.imported} imported · {last.flagged} flagged ·{" "}
              {last.failed} failed
              {last.duration_ms !== null && ` · ${(last.duration_ms / 1000).toFixed(1)} s`}
            </span>
          )}
          <span className="text-stone-500">
            #{last.id}, {last.trigger}, {formatWhen(last.finished_at ?? last.started_at ?? last.created_at)}
            {last.to_block && ` · block ${last.to_block}`}
          </span>
          {last.error && <span className={toneStyles.amber.text}>{last.error}</span>}
          <Link href={`/inventory/sync/${last.id}`} className="text-stone-500 underline">
            details
          </Link>
        </>
      )}
      {canStart && (
        <div className="ml-auto">
          <ActionButton label="Sync now" pendingLabel="Starting…" doneMessage="Sync started." action="sync-all" />
        </div>
      )}
    </section>
  );
}
