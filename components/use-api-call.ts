"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ZodType } from "zod";

import { ApiError, call as callApi, type Args } from "@/lib/endpoints/client";
import type { Endpoint, Input, ResponseOf, Spec } from "@/lib/endpoints/define";

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
  async function call<S extends Spec>(
    endpoint: Endpoint<S>,
    ...[input, form]: WithForm<S>
  ): Promise<ResponseOf<S> | null> {
    setError(null);
    setPending(true);
    try {
      const answer = await callApi(endpoint, ...([input] as unknown as Args<S>));
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
