// Alerts, open first: what was raised, how severe, and for resolved ones the note that closed them.
import { ValueBadge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { Entries, Entry } from "@/components/ui/entries";
import { formatWhen } from "@/components/verification/display";
import type { AlertJson } from "@/lib/alerts/alerts";
import { humanize } from "@/lib/format";

import { ResolveAlertForm } from "./resolve-alert-form";

export function AlertsSection({
  batchId,
  alerts,
  canResolve,
}: {
  batchId: number;
  alerts: AlertJson[];
  canResolve: boolean;
}) {
  const ordered = [...alerts.filter((a) => a.status === "open"), ...alerts.filter((a) => a.status !== "open")];
  const open = ordered.filter((a) => a.status === "open").length;
  return (
    <Card id="alerts" title={`Alerts${open ? ` (${open} open)` : ""}`}>
      {ordered.length === 0 ? (
        <Empty>No alerts.</Empty>
      ) : (
        <Entries>
          {ordered.map((a) => (
            <Entry key={a.id} data-testid="alert" data-type={a.type} data-status={a.status}>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <ValueBadge value={a.severity}>{a.severity}</ValueBadge>
                <span className="font-medium">{humanize(a.type)}</span>
                <ValueBadge value={a.status}>{a.status}</ValueBadge>
                <span className="text-xs text-stone-500">raised {formatWhen(a.created_at)}</span>
              </div>
              <p className="text-sm">{a.message}</p>
              {a.status === "resolved" ? (
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  Resolved {formatWhen(a.resolved_at)}: <span data-testid="resolution-note">{a.resolution_note}</span>
                </p>
              ) : (
                canResolve && <ResolveAlertForm batchId={batchId} alertId={a.id} />
              )}
            </Entry>
          ))}
        </Entries>
      )}
    </Card>
  );
}
