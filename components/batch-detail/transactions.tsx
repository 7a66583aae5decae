// The batch's chain events as the listener indexed them, newest first, each linked to its transaction.
import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatWhen, shortHash } from "@/components/verification/display";
import type { EventJson } from "@/lib/events/list";
import { Empty, headRowStyle, Section, tableStyle } from "./section";

const statusTone: Record<EventJson["status"], Tone> = { processed: "green", pending: "blue", failed: "red", reorged: "gray" };

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
                    <Link href={`/events?tx_hash=${e.tx_hash}`} title={e.tx_hash}>
                      {shortHash(e.tx_hash)}
                    </Link>
                    {explorerUrl && (
                      <a href={`${explorerUrl}/tx/${e.tx_hash}`} target="_blank" rel="noreferrer" className="ml-2 text-stone-500">
                        ↗
                      </a>
                    )}
                  </td>
                  <td className="py-1.5 pr-4">
                    <Badge tone={statusTone[e.status]}>{e.status}</Badge>
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
