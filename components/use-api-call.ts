"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ZodType } from "zod";

import { ApiError, call as callApi, type Args } from "@/lib/endpoints/client";
import type { Input, ResponseOf } from "@/lib/endpoints/define";
import type { EndpointAt, EndpointKey } from "@/lib/endpoints/registry";

import { messageInFormWords } from "./field-errors";

type WithForm<S> = S extends { params: ZodType }
  ? [input: Input<S>, form?: HTMLFormElement | null]
  : [input?: Input<S>, form?: HTMLFormElement | null];

/**
 * Calls one of our endpoints (lib/endpoints/client.ts) from a button or form, shows its error message
 * (fields named as the form labels them, when a form is given), and refreshes the page on success.
 */
export function useApiCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function call<K extends EndpointKey>(
    key: K,
    ...[input, form]: WithForm<EndpointAt<K>>
  ): Promise<ResponseOf<EndpointAt<K>> | null> {
    setError(null);
    setPending(true);
    try {
      const answer = await callApi(key, ...([input] as unknown as Args<EndpointAt<K>>));
      router.refresh();
      return answer;
    } catch (e) {
      const failure = e instanceof ApiError ? e : new ApiError(0, "unreachable", "The server could not be reached.");
      setError(failure.status ? messageInFormWords(form ?? null, failure.message, failure.details) : failure.message);
      return null;
    } finally {
      setPending(false);
    }
  }
  return { call, error, pending };
}
