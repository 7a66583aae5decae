"use client";

// The live part of the Event Listener page: the status and the events, kept current by the stream.
import { useState } from "react";

import { EmptyState } from "@/components/ui/card";
import type { EventJson } from "@/lib/events/list";
import type { ListenerStatus } from "@/lib/events/status";
import { useStream } from "@/lib/realtime/use-stream";

import { EventTable } from "./event-table";
import { ListenerPanel } from "./listener-panel";

type Filters = {
  status?: string[];
  name?: string[];
  tx_hash?: string;
  batch_id?: number;
  from_block?: string;
  to_block?: string;
};

const matches = (e: EventJson, f: Filters) =>
  (!f.status || f.status.includes(e.status)) &&
  (!f.name || f.name.includes(e.name)) &&
  (!f.tx_hash || e.tx_hash === f.tx_hash) &&
  (!f.batch_id || e.batch_id === f.batch_id) &&
  (!f.from_block || BigInt(e.block_number) >= BigInt(f.from_block)) &&
  (!f.to_block || BigInt(e.block_number) <= BigInt(f.to_block));

const shown = 200;

type Props = {
  initialEvents: EventJson[];
  initialStatus: ListenerStatus;
  after: number;
  filters: Filters;
  isFirstPage: boolean;
  canOperate: boolean;
  explorerUrl: string | null;
};

export function EventFeed({
  initialEvents,
  initialStatus,
  after,
  filters,
  isFirstPage,
  canOperate,
  explorerUrl,
}: Props) {
  const [events, setEvents] = useState(initialEvents);
  const [status, setStatus] = useState(initialStatus);
  // Where this page's rows stop; a server refresh (after a button) must not move the stream past changes not yet seen.
  const [since] = useState(after);
  const stream = useStream(`/api/blockchain-events/stream?after=${since}`, {
    event: (data) => {
      const e = data as EventJson;
      setEvents((list) => {
        const i = list.findIndex((x) => x.id === e.id);
        if (i >= 0) return list.map((x) => (x.id === e.id ? e : x));
        // A shown row takes its new state, even if it no longer matches (a retried event shows it worked).
        // New events go on top of the first page only; older pages stay as they were loaded.
        return isFirstPage && matches(e, filters) ? [e, ...list].slice(0, shown) : list;
      });
    },
    status: (data) => setStatus(data as ListenerStatus),
  });
  return (
    <div className="flex flex-col gap-4">
      <ListenerPanel status={status} stream={stream} canOperate={canOperate} onStatus={setStatus} />
      {events.length === 0 ? (
        <EmptyState>No events match these filters yet. New ones appear here as they are indexed.</EmptyState>
      ) : (
        <EventTable events={events} explorerUrl={explorerUrl} canOperate={canOperate} />
      )}
    </div>
  );
}
