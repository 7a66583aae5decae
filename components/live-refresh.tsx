"use client";

// Re-renders the server page when its tables change (lib/realtime): at once, then at most once a
// second while changes keep coming; and after a reconnection, since a change made while the stream
// was down sends no message.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { useStream } from "@/lib/realtime/use-stream";

export function LiveRefresh({ stream }: { stream: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefresh = useRef(0);
  const state = useStream(stream, {
    change: () => {
      timer.current ??= setTimeout(
        () => {
          timer.current = null;
          lastRefresh.current = Date.now();
          router.refresh();
        },
        Math.max(0, lastRefresh.current + 1_000 - Date.now()),
      );
    },
  });
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === "reconnecting" && state === "live") router.refresh();
    previous.current = state;
  }, [state, router]);
  return (
    <p className="text-xs text-stone-500" data-testid="live-state">
      {state === "live" ? "Live" : state === "connecting" ? "Connecting…" : "Reconnecting…"}
    </p>
  );
}
