// The batch page's stock: who holds how much where, actions sent and not yet indexed, and the batch's own ledger.
import { Badge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import { formatDecimal, humanize } from "@/lib/format";
import type { MovementJson } from "@/lib/stock/ledger";

import { MovementsTable } from "./movements-table";

type Props = {
  holdings: { holder: string; warehouse: string; quantity_kg: string }[];
  pending: { txHash: string; kind: string; status: string }[];
  movements: MovementJson[];
  actions?: React.ReactNode;
};

export function BatchStock({ holdings, pending, movements, actions }: Props) {
  return (
    <Card id="stock" title="Holders and stock ledger">
      <div className="flex flex-col gap-4">
        {holdings.length === 0 ? (
          <Empty>Nobody holds any of this batch.</Empty>
        ) : (
          <Table testId="holders" isFramed={false}>
            <TableHead columns={["Holder", "Warehouse", numeric("Quantity (kg)")]} />
            <tbody>
              {holdings.map((h) => (
                <tr
                  key={`${h.holder}|${h.warehouse}`}
                  data-holder={h.holder}
                  data-warehouse={h.warehouse}
                  className={rowClass}
                >
                  <td className={`${cellClass} font-mono text-xs`} title={h.holder}>
                    {shortHash(h.holder)}
                  </td>
                  <td className={cellClass}>{h.warehouse || "no warehouse"}</td>
                  <td className={numericCellClass} data-testid="held">
                    {formatDecimal(h.quantity_kg, 3)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {pending.map((p) => (
          <p key={p.txHash} className="text-sm" data-testid="pending-stock-action">
            <Badge tone="blue">pending</Badge> {humanize(p.kind)} in{" "}
            <span className="font-mono text-xs">{shortHash(p.txHash)}</span>:{" "}
            {p.status === "mined" ? "mined, waiting for the listener" : "waiting to be mined"}.
          </p>
        ))}
        {actions}
        {movements.length === 0 ? (
          <Empty>No movement yet.</Empty>
        ) : (
          <MovementsTable movements={movements} showBatch={false} />
        )}
      </div>
    </Card>
  );
}
