// GET /api/blockchain-events/stream?after={seq} — Server-Sent Events: each new or changed event
// (id = its change number, so a reconnect resumes exactly), and the listener's status every 3 s
import { events } from "@/lib/endpoints/events";
import { handle } from "@/lib/endpoints/handle";
import { eventsChangedAfter, latestEventSeq } from "@/lib/events/list";
import { getListener } from "@/lib/events/server";
import { getListenerStatus } from "@/lib/events/status";
import { sseResponse } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

const pageSize = 200;

export const GET = handle(events.eventStream, async ({ request, query: { after }, scope }) => {
  const { db, client, key } = getListener();
  const resumeFrom = request.headers.get("last-event-id");
  const start =
    resumeFrom && /^\d{1,18}$/.test(resumeFrom) ? resumeFrom : (after ?? String(await latestEventSeq(db, key)));
  return sseResponse(
    request,
    {
      tables: ["blockchain_events"],
      async read(cursor) {
        const events = await eventsChangedAfter(db, key, Number(cursor), scope, pageSize);
        const last = events.at(-1);
        return {
          messages: events.map((e) => ({ id: String(e.seq), event: "event", data: e })),
          cursor: last ? String(last.seq) : cursor,
          more: events.length === pageSize,
        };
      },
      // The listener's health is the operating company's business.
      ...(scope.kind === "all" && {
        tick: async () => [{ event: "status", data: await getListenerStatus(db, client, key) }],
        tickMs: 3_000,
      }),
    },
    start,
  );
});
