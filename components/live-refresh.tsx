"use client";

// Re-renders the server page when its tables change (lib/realtime), at most once a second, and
// after a reconnection, since a change made while the stream was down sends no message.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { useStream } from "@/lib/realtime/use-stream";

export function LiveRefresh({ stream }: { stream: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const state = useStream(stream, {
    change: () => {
      timer.current ??= setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, 1_000);
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
