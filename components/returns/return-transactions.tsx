// The shipping wallet's transactions for a return: taking it back from the buyer, and sending it on
// (to the producer) or destroying it.
import { TransferCells, transferColumns } from "@/components/orders/transfer-cells";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
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
          <TableHead columns={["Purpose", ...transferColumns]} />
          <tbody>
            {transactions.map((t) => (
              <Row key={t.id} data-purpose={t.purpose} data-status={t.status}>
                <td className={cellClass}>{purposes[t.purpose]}</td>
                <TransferCells transfer={t} explorerUrl={explorerUrl} />
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
