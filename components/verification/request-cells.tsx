// A verification request's status, figures and decision as table cells, the same in the queue and on the batch's page.
import { ValueBadge } from "@/components/ui/badge";
import { cellClass } from "@/components/ui/table";
import { formatDecimal } from "@/lib/format";
import type { RequestJson } from "@/lib/verification/requests";

import { formatWhen } from "./display";

const kg = (v: string | null) => (v === null ? "—" : formatDecimal(v, 3));
const mono = `${cellClass} font-mono text-xs`;

/** When it was asked for and by whom; the batch's page adds the requester's note. */
export function RequestedCell({ r, hasNotes = false }: { r: RequestJson; hasNotes?: boolean }) {
  return (
    <td className={cellClass}>
      <div className="whitespace-nowrap">{formatWhen(r.created_at)}</div>
      <div className="text-xs text-stone-500">{r.requested_by ?? "API"}</div>
      {hasNotes && r.notes && <div className="text-xs text-stone-500">“{r.notes}”</div>}
    </td>
  );
}

/** Status, then [off chain,] on chain, counted and the discrepancy, in kg; the batch's page adds off chain and the tolerance. */
export function RequestFigureCells({ r, isDetailed = false }: { r: RequestJson; isDetailed?: boolean }) {
  const tolerance = isDetailed ? `, tolerance ${r.tolerance_pct}%` : "";
  return (
    <>
      <td className={cellClass}>
        <ValueBadge value={r.status}>{r.status}</ValueBadge>
      </td>
      {isDetailed && <td className={mono}>{kg(r.offchain_quantity_kg)}</td>}
      <td className={mono}>{kg(r.onchain_quantity_kg)}</td>
      <td className={mono}>{kg(r.actual_quantity_kg)}</td>
      <td className={mono}>
        {r.discrepancy_kg === null ? "—" : `${r.discrepancy_kg} kg (${r.discrepancy_pct}%${tolerance})`}
      </td>
    </>
  );
}

/** Why it was approved or rejected, by whom and when, and the verifier's note. */
export function DecisionCell({ r }: { r: RequestJson }) {
  return (
    <td className={cellClass}>
      {r.decision_reason ?? <span className="text-stone-500">Waiting for a count.</span>}
      {r.processed_at && (
        <div className="text-xs text-stone-500">
          {r.processed_by ?? "API"}, {formatWhen(r.processed_at)}
        </div>
      )}
      {r.process_notes && <div className="text-xs text-stone-500">“{r.process_notes}”</div>}
    </td>
  );
}
