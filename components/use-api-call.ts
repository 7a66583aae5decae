"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageInFormWords } from "./field-errors";

/**
 * Calls one of our endpoints from a button or form, shows its error message (fields named as the
 * form labels them, when a form is given), and refreshes the page on success.
 */
export function useApiCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function call(method: string, url: string, body?: unknown, form?: HTMLFormElement | null): Promise<unknown | null> {
    setError(null);
    setPending(true);
    try {
      const res = await fetch(url, { method, headers: body ? { "content-type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined });
      const json = await res.json().catch(() => null);
      if (!res.ok) {
        setError(json?.error?.message ? messageInFormWords(form ?? null, json.error.message, json.error.details) : `Request failed (${res.status}).`);
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
