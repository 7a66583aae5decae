// The shipping wallet's transactions for a return: taking it back from the buyer, and sending it on
// (to the producer) or destroying it.
import { TxLink } from "@/components/events/tx-link";
import { ValueBadge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { ReturnJson } from "@/lib/returns/returns";

const purposes = { order: "order shipment", intake: "intake", disposal: "disposal" } as const;

type Props = { transactions: ReturnJson["transactions"]; explorerUrl: string | null };

export function ReturnTransactions({ transactions, explorerUrl }: Props) {
  return (
    <Card id="return-transactions" title="Transactions">
      {transactions.length === 0 ? (
        <Empty>Nothing sent on chain yet: receiving the return takes it back from the buyer&apos;s wallet.</Empty>
      ) : (
        <Table testId="return-transactions" isFramed={false}>
          <TableHead
            columns={["Purpose", "Method", "From → to", numeric("Quantity (kg)"), "Status", "Transaction", "Error"]}
          />
          <tbody>
            {transactions.map((t) => (
              <tr key={t.id} data-purpose={t.purpose} data-status={t.status} className={`${rowClass} align-top`}>
                <td className={cellClass}>{purposes[t.purpose]}</td>
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
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
