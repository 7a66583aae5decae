// Server-Sent Events from a feed: catch up from the cursor the route read from the request (the
// browser's Last-Event-ID after a reconnect), then read again whenever one of the feed's tables changes. Messages carry their
// cursor as the SSE id, so a reconnecting page gets each change exactly once.
import "server-only";

import { getEnv } from "@/lib/env";

import { anyTable, onTableChange } from "./changes";

export type Message = { id?: string; event: string; data: unknown };

export type Feed = {
  tables: string[];
  /** Messages after `cursor`, oldest first, and the cursor after them; `more` when a page was full. */
  read(cursor: string): Promise<{ messages: Message[]; cursor: string; more?: boolean }>;
  /** Sent every `tickMs` as well, for facts that change without a write (a chain's head, say). */
  tick?: () => Promise<Message[]>;
  tickMs?: number;
};

const format = (m: Message) => `${m.id ? `id: ${m.id}\n` : ""}event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`;

export function sseResponse(request: Request, feed: Feed, start: string): Response {
  const encoder = new TextEncoder();
  let cursor = start;
  let isClosed = false;
  let isReading = false;
  let readAgain = false;
  let cleanup = () => {};

  const stream = new ReadableStream({
    async start(controller) {
      const write = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      const send = (m: Message) => write(format(m));
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      };
      const readAll = async () => {
        if (isReading) return void (readAgain = true);
        isReading = true;
        try {
          do {
            readAgain = false;
            const r = await feed.read(cursor);
            r.messages.forEach(send);
            cursor = r.cursor;
            readAgain ||= Boolean(r.more);
          } while (readAgain && !isClosed);
        } catch (error) {
          // Closing makes the browser reconnect from the last id it got, so nothing is skipped.
          console.error("live feed read failed", error);
          close();
        } finally {
          isReading = false;
        }
      };
      const tick = () =>
        feed.tick?.().then(
          (ms) => ms.forEach(send),
          () => {},
        );
      // Subscribe before catching up, so nothing committed in between goes unannounced.
      const unsubscribe = onTableChange((table) => {
        if (table === anyTable || feed.tables.includes(table)) void readAll();
      });
      const timers = [
        setInterval(() => write(": keep-alive\n\n"), 15_000),
        ...(feed.tick ? [setInterval(tick, feed.tickMs ?? 5_000)] : []),
      ];
      // Streams end after a while and the browser resumes from its last id, as serverless hosts require.
      const end = setTimeout(close, getEnv().SSE_MAX_SECONDS * 1_000);
      cleanup = () => {
        isClosed = true;
        unsubscribe();
        timers.forEach(clearInterval);
        clearTimeout(end);
      };
      request.signal.addEventListener("abort", close);
      write("retry: 2000\n\n");
      await readAll();
      await tick();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
