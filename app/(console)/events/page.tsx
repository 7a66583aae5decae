import type { Metadata } from "next";

import { EventFeed } from "@/components/events/event-feed";
import { TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { FilterButtons, Select } from "@/components/ui/select";
import { eventStatuses } from "@/lib/db/enums";
import { can } from "@/lib/endpoints/permissions";
import { getEnv } from "@/lib/env";
import { latestEventSeq, listEvents } from "@/lib/events/list";
import { eventNames, ZEventListQuery } from "@/lib/events/schemas";
import { getListener } from "@/lib/events/server";
import { getListenerStatus } from "@/lib/events/status";

import { openList, type ListProps } from "../page-loads";

export const metadata: Metadata = { title: "Event listener" };
export const dynamic = "force-dynamic";

export default async function EventsPage({ searchParams }: ListProps) {
  const { user, values, place } = await openList("/events", searchParams);
  const query = ZEventListQuery.safeParse(values);
  const { db, client, key } = getListener();
  // Read the change number first: anything committed after it reaches the page through the stream.
  const after = await latestEventSeq(db, key);
  const [status, page] = await Promise.all([
    getListenerStatus(db, client, key),
    query.success ? listEvents(db, key, query.data, user.scope) : null,
  ]);

  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Event listener">
        {user.isMember ? "Your organisation's batches' token events" : "Batch token events"} as the worker indexes them
        from the chain, live.
      </PageHeader>
      <FilterForm action="/events" names={["status", "name", "tx_hash"]} label="Filter events">
        <Select name="status" label="Status" options={eventStatuses} value={values.status} />
        <Select name="name" label="Event" options={eventNames} value={values.name} />
        <TextField
          name="tx_hash"
          label="Transaction"
          defaultValue={values.tx_hash}
          placeholder="0x…"
          className="w-72 font-mono"
        />
        <FilterButtons resetHref="/events" />
      </FilterForm>
      {!query.success && (
        <Notice>
          These filters are not valid: {query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </Notice>
      )}
      {page && query.success && (
        <>
          <EventFeed
            key={JSON.stringify(values)}
            initialEvents={page.data}
            initialStatus={status}
            after={after}
            filters={{
              status: query.data.status,
              name: query.data.name,
              tx_hash: query.data.tx_hash,
              batch_id: query.data.batch_id,
              from_block: query.data.from_block?.toString(),
              to_block: query.data.to_block?.toString(),
            }}
            isFirstPage={!place.cursor}
            canOperate={can(user, "POST /api/blockchain-events/process-all")}
            explorerUrl={getEnv().EXPLORER_URL ?? null}
          />
          <Pager {...place} next={page.next_cursor} nextLabel="Older events" firstLabel="Newest events" />
        </>
      )}
    </div>
  );
}
