"use client";

// The verification queue: requests newest first, a Process dialog for pending ones, and batch selection for bulk runs.
import Link from "next/link";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SelectAllCell, SelectCell, useSelection } from "@/components/ui/selection";
import { Row, Table, TableHead } from "@/components/ui/table";
import type { RequestJson } from "@/lib/verification/requests";

import { BulkRun } from "./bulk-run";
import { ProcessDialog } from "./process-dialog";
import { DecisionCell, RequestedCell, RequestFigureCells } from "./request-cells";

type Props = {
  requests: RequestJson[];
  /** Said in place of the table when there are no requests. */
  empty: string;
  canProcess: boolean;
  canDetect: boolean;
  canVerify: boolean;
};

export function RequestQueue({ requests, empty, canProcess, canDetect, canVerify }: Props) {
  const [target, setTarget] = useState<RequestJson | null>(null);
  const canRunBulk = canDetect || canVerify;
  // Selection is by batch: a batch with two requests on the page is one row to select.
  const pageBatches = [...new Map(requests.map((r) => [r.batch_id, r.batch_code])).entries()].map(([id, code]) => ({
    id,
    code,
  }));
  const selection = useSelection(pageBatches);

  // The dialog keeps its place (and its decision) when a live refresh empties the list under it.
  return (
    <div className="flex flex-col gap-4">
      {requests.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          {canRunBulk && <BulkRun batches={selection.selected} canDetect={canDetect} canVerify={canVerify} />}
          <Table>
            <TableHead
              isSticky
              columns={[
                "Requested",
                "Batch",
                "Status",
                "On chain (kg)",
                "Counted (kg)",
                "Discrepancy",
                "Decision",
                ...(canProcess ? [""] : []),
              ]}
            >
              {canRunBulk && <SelectAllCell selection={selection} count={pageBatches.length} />}
            </TableHead>
            <tbody>
              {requests.map((r) => (
                <Row key={r.id} data-testid="request-row" data-request-id={r.id} data-status={r.status}>
                  {canRunBulk && <SelectCell selection={selection} row={{ id: r.batch_id, code: r.batch_code }} />}
                  <RequestedCell r={r} />
                  <td className="px-2 py-1.5">
                    <Link href={`/batches/${r.batch_id}`}>{r.batch_code}</Link>
                  </td>
                  <RequestFigureCells r={r} />
                  <DecisionCell r={r} />
                  {canProcess && (
                    <td className="px-2 py-1.5">
                      {r.status === "pending" && <Button onClick={() => setTarget(r)}>Process</Button>}
                    </td>
                  )}
                </Row>
              ))}
            </tbody>
          </Table>
        </>
      )}
      {target && <ProcessDialog key={target.id} request={target} onClose={() => setTarget(null)} />}
    </div>
  );
}
