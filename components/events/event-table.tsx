"use client";

// Stored events, newest first: each links to its batch and its transaction; failed ones can be retried.
import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Row, Table, TableHead } from "@/components/ui/table";
import { useOutcomeToast } from "@/components/ui/toast";
import { toneStyles } from "@/components/ui/tones";
import { useApiCall } from "@/components/use-api-call";
import type { EventJson } from "@/lib/events/list";

import { BlockCell, TxAndStatusCells } from "./tx-link";

function RetryButton({ id }: { id: number }) {
  const { call, error, pending } = useApiCall();
  useOutcomeToast({ pending, error, success: `Event ${id} processed again.` });
  return (
    <Button
      size="sm"
      className="self-start"
      isPending={pending}
      onClick={() => call("POST /api/blockchain-events/[event_id]/process", { params: { event_id: id } })}
    >
      Retry
    </Button>
  );
}

export function EventTable({
  events,
  explorerUrl,
  canOperate,
}: {
  events: EventJson[];
  explorerUrl: string | null;
  canOperate: boolean;
}) {
  return (
    <Table>
      <TableHead isSticky columns={["Block", "Event", "Batch", "Transaction", "Status", "Attempts", "Error"]} />
      <tbody>
        {events.map((e) => (
          <Row key={e.id} data-testid="event-row" data-event-id={e.id} data-status={e.status}>
            <BlockCell event={e} />
            <td className="px-2 py-1.5">{e.name}</td>
            <td className="px-2 py-1.5">
              {e.batch_id ? (
                <Link href={`/batches/${e.batch_id}`}>{e.batch_code}</Link>
              ) : e.token_id ? (
                <span className="text-stone-500">token {e.token_id}</span>
              ) : (
                "—"
              )}
            </td>
            <TxAndStatusCells event={e} explorerUrl={explorerUrl} />
            <td className="px-2 py-1.5">{e.attempts}</td>
            <td className="px-2 py-1.5">
              {e.status === "failed" && (
                <div className="flex flex-col gap-1">
                  <span className={`text-xs ${toneStyles.red.text}`}>{e.error}</span>
                  {e.next_attempt_at && (
                    <span className="text-xs text-stone-500">
                      Next automatic try {new Date(e.next_attempt_at).toLocaleTimeString()}
                    </span>
                  )}
                  {canOperate && <RetryButton id={e.id} />}
                </div>
              )}
            </td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
