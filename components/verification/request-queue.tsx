"use client";
// The verification queue: requests newest first, a Process dialog for pending ones, and batch selection for bulk runs.
import Link from "next/link";
import { useState } from "react";
import { buttonStyle } from "@/components/batch-detail/section";
import { Badge } from "@/components/ui/badge";
import { formatDecimal } from "@/lib/format";
import type { RequestJson } from "@/lib/verification/requests";
import { BulkRun, type BulkBatch } from "./bulk-run";
import { formatWhen, requestTone } from "./display";
import { ProcessDialog } from "./process-dialog";

const kg = (v: string | null) => (v === null ? "—" : formatDecimal(v, 3));

type Props = { requests: RequestJson[]; canProcess: boolean; canDetect: boolean; canVerify: boolean };

export function RequestQueue({ requests, canProcess, canDetect, canVerify }: Props) {
  const [target, setTarget] = useState<RequestJson | null>(null);
  const [selected, setSelected] = useState<Map<number, string>>(new Map());
  const canRunBulk = canDetect || canVerify;
  const pageBatches = [...new Map(requests.map((r) => [r.batch_id, r.batch_code])).entries()];
  const isAllSelected = pageBatches.length > 0 && pageBatches.every(([id]) => selected.has(id));

  const toggle = (id: number, code: string) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(id)) next.delete(id);
      else next.set(id, code);
      return next;
    });
  const toggleAll = () => setSelected(isAllSelected ? new Map() : new Map(pageBatches));
  const bulk: BulkBatch[] = [...selected.entries()].map(([id, code]) => ({ id, code }));

  return (
    <div className="flex flex-col gap-4">
      {canRunBulk && <BulkRun batches={bulk} canDetect={canDetect} canVerify={canVerify} />}
      <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
            <tr>
              {canRunBulk && (
                <th className="px-3 py-2">
                  <input type="checkbox" aria-label="Select every batch on this page" checked={isAllSelected} onChange={toggleAll} />
                </th>
              )}
              <th className="px-3 py-2">Requested</th>
              <th className="px-3 py-2">Batch</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">On chain (kg)</th>
              <th className="px-3 py-2">Counted (kg)</th>
              <th className="px-3 py-2">Discrepancy</th>
              <th className="px-3 py-2">Decision</th>
              {canProcess && <th className="px-3 py-2" />}
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-testid="request-row" data-request-id={r.id} data-status={r.status} className="border-t border-stone-200 align-top dark:border-stone-800">
                {canRunBulk && (
                  <td className="px-3 py-2">
                    <input type="checkbox" aria-label={`Select ${r.batch_code}`} checked={selected.has(r.batch_id)} onChange={() => toggle(r.batch_id, r.batch_code)} />
                  </td>
                )}
                <td className="px-3 py-2">
                  <div className="whitespace-nowrap">{formatWhen(r.created_at)}</div>
                  <div className="text-xs text-stone-500">{r.requested_by ?? "API"}</div>
                </td>
                <td className="px-3 py-2">
                  <Link href={`/batches/${r.batch_id}`}>{r.batch_code}</Link>
                </td>
                <td className="px-3 py-2">
                  <Badge tone={requestTone[r.status]}>{r.status}</Badge>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{kg(r.onchain_quantity_kg)}</td>
                <td className="px-3 py-2 font-mono text-xs">{kg(r.actual_quantity_kg)}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.discrepancy_kg === null ? "—" : `${r.discrepancy_kg} kg (${r.discrepancy_pct}%)`}</td>
                <td className="px-3 py-2">
                  {r.decision_reason ?? <span className="text-stone-500">Waiting for a count.</span>}
                  {r.processed_at && (
                    <div className="text-xs text-stone-500">
                      {r.processed_by ?? "API"}, {formatWhen(r.processed_at)}
                    </div>
                  )}
                </td>
                {canProcess && (
                  <td className="px-3 py-2">
                    {r.status === "pending" && (
                      <button type="button" className={buttonStyle} onClick={() => setTarget(r)}>
                        Process
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {target && <ProcessDialog key={target.id} request={target} onClose={() => setTarget(null)} />}
    </div>
  );
}
