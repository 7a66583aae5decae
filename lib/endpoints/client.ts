// The browser's one way to call the API: call(declaration, {params, query, body}) answers the type
// the declaration's response schema gives, or throws one ApiError with the server's message.
import type { ZodType } from "zod";

import type { Endpoint, Input, ResponseOf, Spec } from "./define";

/** A refused or failed call: the HTTP status (0: no answer), the API's error code, message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

/** The endpoint's URL: its path with the parameters filled in, and the query (lists comma-separated). */
export function urlOf(
  endpoint: Spec,
  input: { params?: Record<string, string | number>; query?: unknown } = {},
): string {
  const path = endpoint.path.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new Error(`${endpoint.path}: no value for ${name}`);
    return encodeURIComponent(String(value));
  });
  const entries = Object.entries((input.query ?? {}) as Query).filter(([, v]) => v !== undefined);
  const search = new URLSearchParams(entries.map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]));
  return search.size ? `${path}?${search}` : path;
}

export type Args<S> = S extends { params: ZodType } ? [input: Input<S>] : [input?: Input<S>];

export async function call<S extends Spec>(endpoint: Endpoint<S>, ...[input]: Args<S>): Promise<ResponseOf<S>> {
  const body: unknown = input?.body;
  const init: RequestInit = { method: endpoint.method, cache: "no-store" };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined)
    Object.assign(init, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  let res: Response;
  try {
    res = await fetch(urlOf(endpoint, input), init);
  } catch {
    throw new ApiError(0, "unreachable", "The server could not be reached.");
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? "http_error",
      error?.message ?? `Request failed (${res.status}).`,
      error?.details ?? null,
    );
  }
  // The answer is what the declaration's response schema says (test/endpoints and e2e/api.spec.ts parse real answers with it).
  return json as ResponseOf<S>;
}

export type Attempt<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** call(), with a refusal as a value: for callers that go on (bulk actions) or tell statuses apart. */
export async function attempt<S extends Spec>(
  endpoint: Endpoint<S>,
  ...args: Args<S>
): Promise<Attempt<ResponseOf<S>>> {
  try {
    return { ok: true, data: await call(endpoint, ...args) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof ApiError ? error : new ApiError(0, "unreachable", "The server could not be reached."),
    };
  }
}
