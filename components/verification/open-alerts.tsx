// Open alerts across all batches, most severe first; each links to its batch and can be resolved here.
import Link from "next/link";

import { ResolveAlertForm } from "@/components/batch-detail/resolve-alert-form";
import { ValueBadge } from "@/components/ui/badge";
import { frameClass } from "@/components/ui/card";
import type { AlertJson } from "@/lib/alerts/alerts";
import { humanize } from "@/lib/format";

import { formatWhen } from "./display";

export function OpenAlerts({
  alerts,
  canResolve,
}: {
  alerts: (AlertJson & { batch_code: string })[];
  canResolve: boolean;
}) {
  return (
    <section aria-labelledby="open-alerts" className="flex flex-col gap-2">
      <h2 id="open-alerts" className="text-lg font-semibold">
        Open alerts{" "}
        <span className="text-sm font-normal text-stone-500">
          ({alerts.length === 50 ? "50 most severe" : alerts.length})
        </span>
      </h2>
      {alerts.length === 0 ? (
        <p role="status" className="text-sm text-stone-500">
          No open alerts.
        </p>
      ) : (
        <ul className={`divide-y divide-stone-200 dark:divide-stone-800 ${frameClass}`}>
          {alerts.map((a) => (
            <li key={a.id} data-testid="open-alert" className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
              <ValueBadge value={a.severity}>{a.severity}</ValueBadge>
              <Link href={`/batches/${a.batch_id}`} className="font-mono">
                {a.batch_code}
              </Link>
              <span className="text-stone-600 dark:text-stone-400">{humanize(a.type)}</span>
              <span className="min-w-0 flex-1 truncate" title={a.message}>
                {a.message}
              </span>
              <span className="text-xs text-stone-500">{formatWhen(a.created_at)}</span>
              {canResolve && (
                <details className="w-full">
                  <summary className="cursor-pointer text-xs underline">Resolve this alert</summary>
                  <ResolveAlertForm batchId={a.batch_id} alertId={a.id} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
