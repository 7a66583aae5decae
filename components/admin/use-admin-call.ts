"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Calls an admin endpoint, shows its error message, and refreshes the page on success. */
export function useAdminCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function call(method: string, url: string, body?: unknown): Promise<unknown | null> {
    setError(null);
    const res = await fetch(url, { method, headers: body ? { "content-type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      setError(json?.error?.message ?? `Request failed (${res.status}).`);
      return null;
    }
    router.refresh();
    return json;
  }
  return { call, error };
}
