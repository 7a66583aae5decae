// The batch's chain events as the listener indexed them, newest first, each linked to its transaction.
import { BlockCell, TxAndStatusCells } from "@/components/events/tx-link";
import { Card, Empty } from "@/components/ui/card";
import { rowClass, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import type { EventJson } from "@/lib/events/list";

export function Transactions({ events, explorerUrl }: { events: EventJson[]; explorerUrl: string | null }) {
  return (
    <Card id="transactions" title="Transactions">
      {events.length === 0 ? (
        <Empty>No chain events indexed for this batch.</Empty>
      ) : (
        <Table isFramed={false}>
          <TableHead columns={["Block", "Event", "Transaction", "Status", "Indexed"]} />
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-testid="batch-event" className={rowClass}>
                <BlockCell event={e} className="text-xs" />
                <td className="px-2 py-1.5">{e.name}</td>
                <TxAndStatusCells event={e} explorerUrl={explorerUrl} />
                <td className="px-2 py-1.5 text-xs">{formatWhen(e.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
