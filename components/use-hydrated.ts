"use client";

// Whether the page's scripts have taken over: until then a button that needs them is shown busy and
// disabled, so a click before the page is ready is never silently lost.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
