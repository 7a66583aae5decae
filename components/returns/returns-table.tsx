// Returns as a table: the return, its order and batch, the buyer, kilograms, reason, status,
// disposition and when it was requested.
import Link from "next/link";

import { ValueBadge } from "@/components/ui/badge";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { ReturnSummaryJson } from "@/lib/returns/returns";

import { dispositionLabels, reasonLabels } from "./words";

const link = "underline-offset-2 hover:underline";

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
            <td className={`${cellClass} font-mono`}>
              <Link href={`/returns/${r.id}`} className={link} aria-label={`Return ${r.id}`}>
                {r.id}
              </Link>
            </td>
            <td className={`${cellClass} font-mono`}>
              <Link href={`/orders/${r.order_id}`} className={link}>
                #{r.order_id}
              </Link>
            </td>
            <td className={`${cellClass} font-mono`}>
              <Link href={`/batches/${r.batch_id}`} className={link}>
                {r.batch_code}
              </Link>
            </td>
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
