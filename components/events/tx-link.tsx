// A transaction: its hash, shortened, linked to every event it emitted (and to EXPLORER_URL when set).
import Link from "next/link";
import { ValueBadge } from "@/components/ui/badge";
import { shortHash } from "@/components/verification/display";
import type { EventJson } from "@/lib/events/list";

export function TxLink({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  return (
    <>
      <Link href={`/events?tx_hash=${hash}`} title="Every event of this transaction">
        {shortHash(hash)}
      </Link>
      {explorerUrl && (
        <a href={`${explorerUrl}/tx/${hash}`} target="_blank" rel="noreferrer" className="ml-2 text-stone-500" aria-label="Open in the block explorer">
          ↗
        </a>
      )}
    </>
  );
}

export function EventStatus({ status }: { status: EventJson["status"] }) {
  return <ValueBadge value={status}>{status}</ValueBadge>;
}
