"use client";
// Stored events, newest first: each links to its batch and its transaction; failed ones can be retried.
import Link from "next/link";
import { useApiCall } from "@/components/use-api-call";
import { processEvent } from "@/lib/endpoints/events";
import type { EventJson } from "@/lib/events/list";
import { EventStatus, TxLink } from "./tx-link";


function RetryButton({ id }: { id: number }) {
  const { call, error, pending } = useApiCall();
  return (
    <span className="flex flex-col gap-1">
      <button type="button" disabled={pending} onClick={() => call(processEvent, { params: { event_id: id } })} className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800">
        Retry
      </button>
      {error && <span className="text-xs text-red-700 dark:text-red-300">{error}</span>}
    </span>
  );
}

export function EventTable({ events, explorerUrl, canOperate }: { events: EventJson[]; explorerUrl: string | null; canOperate: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-stone-100 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
          <tr>
            <th className="px-3 py-2">Block</th>
            <th className="px-3 py-2">Event</th>
            <th className="px-3 py-2">Batch</th>
            <th className="px-3 py-2">Transaction</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Attempts</th>
            <th className="px-3 py-2">Error</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="event-row" data-event-id={e.id} data-status={e.status} className="border-t border-stone-200 align-top dark:border-stone-800">
              <td className="px-3 py-2 font-mono">
                {e.block_number}
                <span className="text-stone-400">:{e.log_index}</span>
              </td>
              <td className="px-3 py-2">{e.name}</td>
              <td className="px-3 py-2">
                {e.batch_id ? <Link href={`/batches/${e.batch_id}`}>{e.batch_code}</Link> : e.token_id ? <span className="text-stone-500">token {e.token_id}</span> : "—"}
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                <TxLink hash={e.tx_hash} explorerUrl={explorerUrl} />
              </td>
              <td className="px-3 py-2">
                <EventStatus status={e.status} />
              </td>
              <td className="px-3 py-2">{e.attempts}</td>
              <td className="px-3 py-2">
                {e.status === "failed" && (
                  <div className="flex flex-col gap-1">
                    <span className="text-xs text-red-700 dark:text-red-300">{e.error}</span>
                    {e.next_attempt_at && <span className="text-xs text-stone-500">Next automatic try {new Date(e.next_attempt_at).toLocaleTimeString()}</span>}
                    {canOperate && <RetryButton id={e.id} />}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
