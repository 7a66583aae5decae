// Returns as a table: the return, its order and batch, the buyer, kilograms, reason, status,
// disposition and when it was requested.
import { ValueBadge } from "@/components/ui/badge";
import { cellClass, LinkCell, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { ReturnSummaryJson } from "@/lib/returns/returns";

import { dispositionLabels, reasonLabels } from "./words";

export function ReturnsTable({ returns, testId = "returns" }: { returns: ReturnSummaryJson[]; testId?: string }) {
  return (
    <Table testId={testId} isFramed={false}>
      <TableHead
        columns={[
          "Return",
          "Order",
          "Batch",
          "Buyer",
          numeric("Quantity (kg)"),
          "Reason",
          "Status",
          "Disposition",
          "Requested",
        ]}
      />
      <tbody>
        {returns.map((r) => (
          <tr key={r.id} data-return-id={r.id} data-status={r.status} className={rowClass}>
            <LinkCell href={`/returns/${r.id}`} label={`Return ${r.id}`}>
              {r.id}
            </LinkCell>
            <LinkCell href={`/orders/${r.order_id}`}>#{r.order_id}</LinkCell>
            <LinkCell href={`/batches/${r.batch_id}`}>{r.batch_code}</LinkCell>
            <td className={cellClass}>{r.buyer}</td>
            <td className={numericCellClass}>{formatDecimal(r.quantity_kg, 3)}</td>
            <td className={cellClass}>{reasonLabels[r.reason]}</td>
            <td className={cellClass} data-column="status">
              <ValueBadge value={r.status} />
            </td>
            <td className={cellClass}>{r.disposition ? dispositionLabels[r.disposition] : "—"}</td>
            <td className={`${cellClass} text-xs`}>{formatWhen(r.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
