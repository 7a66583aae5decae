// The batch's verification requests, newest first: who asked, what was counted against what, and the decision.
import { Badge } from "@/components/ui/badge";
import { formatWhen, requestTone } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { RequestJson } from "@/lib/verification/requests";
import { headRowStyle, tableStyle } from "./section";

const kg = (v: string | null) => (v === null ? "—" : formatDecimal(v, 3));

export function RequestHistory({ requests }: { requests: RequestJson[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableStyle}>
        <thead>
          <tr className={headRowStyle}>
            <th className="py-2 pr-4">Requested</th>
            <th className="py-2 pr-4">Status</th>
            <th className="py-2 pr-4">Off chain (kg)</th>
            <th className="py-2 pr-4">On chain (kg)</th>
            <th className="py-2 pr-4">Counted (kg)</th>
            <th className="py-2 pr-4">Discrepancy</th>
            <th className="py-2 pr-4">Decision</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} data-testid="verification-request" data-status={r.status} className="border-t border-stone-200 align-top dark:border-stone-800">
              <td className="py-1.5 pr-4">
                <div>{formatWhen(r.created_at)}</div>
                <div className="text-xs text-stone-500">{r.requested_by ?? "API"}</div>
                {r.notes && <div className="text-xs text-stone-500">“{r.notes}”</div>}
              </td>
              <td className="py-1.5 pr-4">
                <Badge tone={requestTone[r.status]}>{r.status}</Badge>
              </td>
              <td className="py-1.5 pr-4 font-mono text-xs">{kg(r.offchain_quantity_kg)}</td>
              <td className="py-1.5 pr-4 font-mono text-xs">{kg(r.onchain_quantity_kg)}</td>
              <td className="py-1.5 pr-4 font-mono text-xs">{kg(r.actual_quantity_kg)}</td>
              <td className="py-1.5 pr-4 font-mono text-xs">{r.discrepancy_kg === null ? "—" : `${r.discrepancy_kg} kg (${r.discrepancy_pct}%, tolerance ${r.tolerance_pct}%)`}</td>
              <td className="py-1.5 pr-4">
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
      </table>
    </div>
  );
}
