// The batch's verification requests, newest first: who asked, what was counted against what, and the decision.
import { ValueBadge } from "@/components/ui/badge";
import { rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { RequestJson } from "@/lib/verification/requests";

const kg = (v: string | null) => (v === null ? "—" : formatDecimal(v, 3));

export function RequestHistory({ requests }: { requests: RequestJson[] }) {
  return (
    <Table isFramed={false}>
<TableHead columns={["Requested", "Status", "Off chain (kg)", "On chain (kg)", "Counted (kg)", "Discrepancy", "Decision"]} />
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} data-testid="verification-request" data-status={r.status} className={`${rowClass} align-top`}>
              <td className="px-2 py-1.5">
                <div>{formatWhen(r.created_at)}</div>
                <div className="text-xs text-stone-500">{r.requested_by ?? "API"}</div>
                {r.notes && <div className="text-xs text-stone-500">“{r.notes}”</div>}
              </td>
              <td className="px-2 py-1.5">
                <ValueBadge value={r.status}>{r.status}</ValueBadge>
              </td>
              <td className="px-2 py-1.5 font-mono text-xs">{kg(r.offchain_quantity_kg)}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{kg(r.onchain_quantity_kg)}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{kg(r.actual_quantity_kg)}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{r.discrepancy_kg === null ? "—" : `${r.discrepancy_kg} kg (${r.discrepancy_pct}%, tolerance ${r.tolerance_pct}%)`}</td>
              <td className="px-2 py-1.5">
                {r.decision_reason ?? "Waiting for a count."}
                {r.processed_at && (
                  <div className="text-xs text-stone-500">
                    {r.processed_by ?? "API"}, {formatWhen(r.processed_at)}
                  </div>
                )}
                {r.process_notes && <div className="text-xs text-stone-500">“{r.process_notes}”</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
  );
}
