// A token transfer's cells after the first, alike for an order's shipments and a return's transactions:
// method, from → to, kilograms, status, the transaction (or that it is not sent yet) and any error.
import { TxLink } from "@/components/events/tx-link";
import { ValueBadge } from "@/components/ui/badge";
import { cellClass, numeric, numericCellClass } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";

type Transfer = {
  method: string;
  from_holder: string;
  to_holder: string | null;
  quantity_kg: string;
  status: string;
  tx_hash: string | null;
  error: string | null;
};

/** The headings of the cells, after the first column's. */
export const transferColumns = ["Method", "From → to", numeric("Quantity (kg)"), "Status", "Transaction", "Error"];

export function TransferCells({ transfer: t, explorerUrl }: { transfer: Transfer; explorerUrl: string | null }) {
  return (
    <>
      <td className={cellClass}>{t.method === "redeem" ? "redemption" : "transfer"}</td>
      <td className={`${cellClass} font-mono text-xs`}>
        <span title={t.from_holder}>{shortHash(t.from_holder)}</span> →{" "}
        {t.to_holder ? <span title={t.to_holder}>{shortHash(t.to_holder)}</span> : "redeemed"}
      </td>
      <td className={numericCellClass}>{formatDecimal(t.quantity_kg, 3)}</td>
      <td className={cellClass}>
        <ValueBadge value={t.status} />
      </td>
      <td className={`${cellClass} font-mono text-xs`}>
        {t.tx_hash ? <TxLink hash={t.tx_hash} explorerUrl={explorerUrl} /> : "not sent yet"}
      </td>
      <td className={`${cellClass} text-xs text-red-700 dark:text-red-300`}>{t.error ?? ""}</td>
    </>
  );
}
