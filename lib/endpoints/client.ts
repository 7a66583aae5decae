// The browser's one way to call the API: call("METHOD /api/...", {params, query, body}) answers the
// type the declaration's response schema gives, or throws one ApiError with the server's message.
// Endpoints are named by their key, so the declarations (and zod) stay out of the browser's bundle:
// only their types are imported.
import type { ZodType } from "zod";

import type { Input, ResponseOf } from "./define";
import type { EndpointAt, EndpointKey } from "./registry";

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
  key: EndpointKey,
  input: { params?: Record<string, string | number>; query?: unknown } = {},
): string {
  const template = key.slice(key.indexOf(" ") + 1);
  const path = template.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new Error(`${template}: no value for ${name}`);
    return encodeURIComponent(String(value));
  });
  const entries = Object.entries((input.query ?? {}) as Query).filter(([, v]) => v !== undefined);
  const search = new URLSearchParams(entries.map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]));
  return search.size ? `${path}?${search}` : path;
}

export type Args<S> = S extends { params: ZodType } ? [input: Input<S>] : [input?: Input<S>];

export async function call<K extends EndpointKey>(
  key: K,
  ...[input]: Args<EndpointAt<K>>
): Promise<ResponseOf<EndpointAt<K>>> {
  const body: unknown = input?.body;
  const init: RequestInit = { method: key.slice(0, key.indexOf(" ")), cache: "no-store" };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined)
    Object.assign(init, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  let res: Response;
  try {
    res = await fetch(urlOf(key, input as Parameters<typeof urlOf>[1]), init);
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
  return json as ResponseOf<EndpointAt<K>>;
}

export type Attempt<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** call(), with a refusal as a value: for callers that go on (bulk actions) or tell statuses apart. */
export async function attempt<K extends EndpointKey>(
  key: K,
  ...args: Args<EndpointAt<K>>
): Promise<Attempt<ResponseOf<EndpointAt<K>>>> {
  try {
    return { ok: true, data: await call(key, ...args) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof ApiError ? error : new ApiError(0, "unreachable", "The server could not be reached."),
    };
  }
}
