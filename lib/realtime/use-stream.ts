"use client";

// Follows a feed from lib/realtime/sse. The browser reconnects by itself and sends the last id it
// saw; when the connection is refused outright we open a new one from that id ourselves.
import { useEffect, useRef, useState } from "react";

export type StreamState = "connecting" | "live" | "reconnecting";

export function useStream(url: string, handlers: Record<string, (data: unknown) => void>): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastId: string | null = null;
    const open = () => {
      const target = new URL(url, window.location.href);
      if (lastId) target.searchParams.set("after", lastId);
      source = new EventSource(target);
      source.onopen = () => setState("live");
      source.onerror = () => {
        setState("reconnecting");
        if (source?.readyState === EventSource.CLOSED) timer = setTimeout(open, 3_000);
      };
      for (const name of Object.keys(handlersRef.current)) {
        source.addEventListener(name, (e) => {
          const message = e as MessageEvent<string>;
          if (message.lastEventId) lastId = message.lastEventId;
          handlersRef.current[name]?.(JSON.parse(message.data));
        });
      }
    };
    open();
    return () => {
      source?.close();
      clearTimeout(timer);
    };
  }, [url]);
  return state;
}
