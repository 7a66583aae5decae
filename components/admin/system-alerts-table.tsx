// System alerts as a table: when each opened, what and how severe, where, its figures, and how it was resolved.
import { ValueBadge } from "@/components/ui/badge";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import type { SystemAlertJson } from "@/lib/alerts/system";
import { humanize } from "@/lib/format";

import { ResolveSystemAlert } from "./resolve-system-alert";

/** The details as `key: value` pairs, objects as compact JSON. */
const compact = (details: Record<string, unknown>) =>
  Object.entries(details).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);

export function SystemAlertsTable({ alerts }: { alerts: SystemAlertJson[] }) {
  return (
    <Table testId="system-alerts" isFramed={false} label="System alerts">
      <TableHead columns={["Opened", "Type", "Severity", "Source", "Message", "Details", "Status", "Resolution", ""]} />
      <tbody>
        {alerts.map((a) => (
          <Row key={a.id} id={`alert-${a.id}`} data-status={a.status}>
            <td className={`${cellClass} whitespace-nowrap text-xs`}>{formatWhen(a.created_at)}</td>
            <td className={cellClass}>{humanize(a.type)}</td>
            <td className={cellClass}>
              <ValueBadge value={a.severity} />
            </td>
            <td className={`${cellClass} font-mono text-xs`}>{a.source}</td>
            <td className={cellClass}>{a.message}</td>
            <td className={`${cellClass} font-mono text-xs`}>
              {compact(a.details).map((line) => (
                <div key={line} className="whitespace-nowrap">
                  {line}
                </div>
              ))}
            </td>
            <td className={cellClass} data-column="status">
              <ValueBadge value={a.status} />
            </td>
            <td className={`${cellClass} text-xs`} data-column="resolution">
              {a.status === "resolved" && (
                <>
                  <div>
                    {formatWhen(a.resolved_at)} by {a.resolved_by_name ?? "—"}
                  </div>
                  <div className="text-sm" data-testid="resolution-note">
                    {a.resolution_note}
                  </div>
                </>
              )}
            </td>
            <td className={cellClass}>{a.status === "open" && <ResolveSystemAlert id={a.id} type={a.type} />}</td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
