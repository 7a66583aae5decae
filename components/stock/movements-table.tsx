// The stock ledger as a table: when, batch, type, quantity, holders, warehouses, reason, transaction.
import Link from "next/link";

import { TxLink } from "@/components/events/tx-link";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import { formatDecimal, humanize } from "@/lib/format";
import type { MovementJson } from "@/lib/stock/ledger";

const place = (holder: string | null, warehouse: string | null) =>
  holder === null ? "—" : `${shortHash(holder)} @ ${warehouse || "no warehouse"}`;

export function MovementsTable({ movements, showBatch = true }: { movements: MovementJson[]; showBatch?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHead
          columns={[
            "When",
            ...(showBatch ? ["Batch"] : []),
            "Type",
            numeric("Quantity (kg)"),
            "From",
            "To",
            "Reason",
            "Transaction",
          ]}
        />
        <tbody>
          {movements.map((m) => (
            <tr key={m.id} data-testid="movement" data-type={m.type} className={rowClass}>
              <td className={`${cellClass} text-xs`}>{m.occurred_at.slice(0, 19).replace("T", " ")}</td>
              {showBatch && (
                <td className={`${cellClass} font-mono text-xs`}>
                  {m.batch_id ? <Link href={`/batches/${m.batch_id}`}>{m.batch_code}</Link> : `token ${m.token_id}`}
                </td>
              )}
              <td className={cellClass}>{humanize(m.type)}</td>
              <td className={numericCellClass}>{formatDecimal(m.quantity_kg, 3)}</td>
              <td className={`${cellClass} font-mono text-xs`} title={m.from_holder ?? undefined}>
                {place(m.from_holder, m.from_warehouse)}
              </td>
              <td className={`${cellClass} font-mono text-xs`} title={m.to_holder ?? undefined}>
                {place(m.to_holder, m.to_warehouse)}
              </td>
              <td className={cellClass}>{m.reason ? humanize(m.reason) : ""}</td>
              <td className={`${cellClass} font-mono text-xs`}>
                {m.tx_hash && <TxLink hash={m.tx_hash} explorerUrl={null} />}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
