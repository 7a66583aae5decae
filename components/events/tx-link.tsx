// A transaction: its hash, shortened, linked to every event it emitted (and to EXPLORER_URL when set).
import Link from "next/link";

import { ValueBadge } from "@/components/ui/badge";
import { cellClass } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import type { EventJson } from "@/lib/events/list";

export function TxLink({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  return (
    <>
      <Link href={`/events?tx_hash=${hash}`} title="Every event of this transaction">
        {shortHash(hash)}
      </Link>
      {explorerUrl && (
        <a
          href={`${explorerUrl}/tx/${hash}`}
          target="_blank"
          rel="noreferrer"
          className="ml-2 text-stone-500"
          aria-label="Open in the block explorer"
        >
          ↗
        </a>
      )}
    </>
  );
}

/** Where an event sits on the chain: block, then log index. */
export function BlockCell({
  event,
  className = "",
}: {
  event: Pick<EventJson, "block_number" | "log_index">;
  className?: string;
}) {
  return (
    <td className={`${cellClass} font-mono ${className}`}>
      {event.block_number}
      <span className="text-stone-400">:{event.log_index}</span>
    </td>
  );
}

/** The transaction and the event's status, as the two cells every event table shows. */
export function TxAndStatusCells({
  event,
  explorerUrl,
}: {
  event: Pick<EventJson, "tx_hash" | "status">;
  explorerUrl: string | null;
}) {
  return (
    <>
      <td className={`${cellClass} font-mono text-xs`}>
        <TxLink hash={event.tx_hash} explorerUrl={explorerUrl} />
      </td>
      <td className={cellClass}>
        <ValueBadge value={event.status}>{event.status}</ValueBadge>
      </td>
    </>
  );
}
