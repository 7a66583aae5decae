"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Calls one of our endpoints from a button, shows its error message, and refreshes the page on success. */
export function useApiCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function call(method: string, url: string, body?: unknown): Promise<unknown | null> {
    setError(null);
    setPending(true);
    try {
      const res = await fetch(url, { method, headers: body ? { "content-type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined });
      const json = await res.json().catch(() => null);
      if (!res.ok) {
        setError(json?.error?.message ?? `Request failed (${res.status}).`);
        return null;
      }
      router.refresh();
      return json;
    } catch {
      setError("The server could not be reached.");
      return null;
    } finally {
      setPending(false);
    }
  }
  return { call, error, pending };
}
