// The batch's chain events as the listener indexed them, newest first, each linked to its transaction.
import { EventStatus, TxLink } from "@/components/events/tx-link";
import { formatWhen } from "@/components/verification/display";
import type { EventJson } from "@/lib/events/list";
import { Empty, headRowStyle, Section, tableStyle } from "./section";


export function Transactions({ events, explorerUrl }: { events: EventJson[]; explorerUrl: string | null }) {
  return (
    <Section id="transactions" title="Transactions">
      {events.length === 0 ? (
        <Empty>No chain events indexed for this batch.</Empty>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableStyle}>
            <thead>
              <tr className={headRowStyle}>
                <th className="py-2 pr-4">Block</th>
                <th className="py-2 pr-4">Event</th>
                <th className="py-2 pr-4">Transaction</th>
                <th className="py-2 pr-4">Status</th>
                <th className="py-2 pr-4">Indexed</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-testid="batch-event" className="border-t border-stone-200 dark:border-stone-800">
                  <td className="py-1.5 pr-4 font-mono text-xs">
                    {e.block_number}
                    <span className="text-stone-400">:{e.log_index}</span>
                  </td>
                  <td className="py-1.5 pr-4">{e.name}</td>
                  <td className="py-1.5 pr-4 font-mono text-xs">
                    <TxLink hash={e.tx_hash} explorerUrl={explorerUrl} />
                  </td>
                  <td className="py-1.5 pr-4">
                    <EventStatus status={e.status} />
                  </td>
                  <td className="py-1.5 pr-4 text-xs">{formatWhen(e.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
