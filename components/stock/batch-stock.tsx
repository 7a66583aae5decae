// The batch page's stock: on hand, reserved for orders and available; who holds how much where,
// actions sent and not yet indexed, and the batch's own ledger.
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import { formatDecimal, humanize } from "@/lib/format";
import type { MovementJson } from "@/lib/stock/ledger";

import { MovementsTable } from "./movements-table";

type Props = {
  batchId: number;
  figures: { on_hand_kg: string | null; reserved_kg: string | null; available_kg: string | null };
  holdings: { holder: string; warehouse: string; quantity_kg: string }[];
  pending: { txHash: string; kind: string; status: string }[];
  movements: MovementJson[];
  actions?: React.ReactNode;
};

const kg = (value: string | null) => (value === null ? null : `${formatDecimal(value, 3)} kg`);

export function BatchStock({ batchId, figures, holdings, pending, movements, actions }: Props) {
  return (
    <Card id="stock" title="Holders and stock ledger">
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 text-sm" data-testid="batch-availability">
          <Facts
            className="flex flex-wrap gap-x-6 gap-y-1"
            valueClassName="tabular-nums"
            facts={[
              ["On hand", kg(figures.on_hand_kg)],
              ["Reserved for orders", kg(figures.reserved_kg)],
              ["Available", kg(figures.available_kg)],
            ]}
          />
          <Link href={`/orders?batch_id=${batchId}`} className="underline">
            Its orders
          </Link>
        </div>
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
