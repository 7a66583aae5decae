"use client";
// The verification queue: requests newest first, a Process dialog for pending ones, and batch selection for bulk runs.
import Link from "next/link";
import { useState } from "react";
import { ValueBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectAllCell, SelectCell, useSelection } from "@/components/ui/selection";
import { rowClass, Table, TableHead } from "@/components/ui/table";
import { formatDecimal } from "@/lib/format";
import type { RequestJson } from "@/lib/verification/requests";
import { BulkRun } from "./bulk-run";
import { formatWhen } from "./display";
import { ProcessDialog } from "./process-dialog";

const kg = (v: string | null) => (v === null ? "—" : formatDecimal(v, 3));

type Props = { requests: RequestJson[]; canProcess: boolean; canDetect: boolean; canVerify: boolean };

export function RequestQueue({ requests, canProcess, canDetect, canVerify }: Props) {
  const [target, setTarget] = useState<RequestJson | null>(null);
  const canRunBulk = canDetect || canVerify;
  // Selection is by batch: a batch with two requests on the page is one row to select.
  const pageBatches = [...new Map(requests.map((r) => [r.batch_id, r.batch_code])).entries()].map(([id, code]) => ({ id, code }));
  const selection = useSelection(pageBatches);

  return (
    <div className="flex flex-col gap-4">
      {canRunBulk && <BulkRun batches={selection.selected} canDetect={canDetect} canVerify={canVerify} />}
      <Table>
        <TableHead isSticky columns={["Requested", "Batch", "Status", "On chain (kg)", "Counted (kg)", "Discrepancy", "Decision", ...(canProcess ? [""] : [])]}>
          {canRunBulk && <SelectAllCell selection={selection} count={pageBatches.length} />}
        </TableHead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-testid="request-row" data-request-id={r.id} data-status={r.status} className={`${rowClass} align-top`}>
                {canRunBulk && <SelectCell selection={selection} row={{ id: r.batch_id, code: r.batch_code }} />}
                <td className="px-2 py-2">
                  <div className="whitespace-nowrap">{formatWhen(r.created_at)}</div>
                  <div className="text-xs text-stone-500">{r.requested_by ?? "API"}</div>
                </td>
                <td className="px-2 py-2">
                  <Link href={`/batches/${r.batch_id}`}>{r.batch_code}</Link>
                </td>
                <td className="px-2 py-2">
                  <ValueBadge value={r.status}>{r.status}</ValueBadge>
                </td>
                <td className="px-2 py-2 font-mono text-xs">{kg(r.onchain_quantity_kg)}</td>
                <td className="px-2 py-2 font-mono text-xs">{kg(r.actual_quantity_kg)}</td>
                <td className="px-2 py-2 font-mono text-xs">{r.discrepancy_kg === null ? "—" : `${r.discrepancy_kg} kg (${r.discrepancy_pct}%)`}</td>
                <td className="px-2 py-2">
                  {r.decision_reason ?? <span className="text-stone-500">Waiting for a count.</span>}
                  {r.processed_at && (
                    <div className="text-xs text-stone-500">
                      {r.processed_by ?? "API"}, {formatWhen(r.processed_at)}
                    </div>
                  )}
                </td>
                {canProcess && (
                  <td className="px-2 py-2">
                    {r.status === "pending" && (
                      <Button onClick={() => setTarget(r)}>Process</Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
      </Table>
      {target && <ProcessDialog key={target.id} request={target} onClose={() => setTarget(null)} />}
    </div>
  );
}
