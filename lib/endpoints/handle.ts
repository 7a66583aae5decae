// handle(endpoint, fn): who is calling, whether the endpoint's rule lets them, the request parsed
// with the endpoint's schemas, and one error shape. Every route file's handlers are built here.
import "server-only";

import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { readJson } from "@/lib/api/body";
import { ApiError, errorStatus } from "@/lib/api/errors";
import { authorize, resolveCaller, scopeOf, type Caller } from "@/lib/auth/caller";
import type { Scope } from "@/lib/auth/scope";
import { assertBatchInScope } from "@/lib/batches/scope";
import { getDb } from "@/lib/db/server";

import type { BodyOf, Endpoint, ParamsOf, QueryOf, Spec } from "./define";

export type ErrorBody = { error: { code: string; message: string; details: unknown } };

function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
    return NextResponse.json({ error: { code: "validation_error", message, details } }, { status: 400 });
  }
  if (error instanceof ApiError) {
    const retryAfter = (error.details as { retry_after_seconds?: number } | null)?.retry_after_seconds;
    const headers = retryAfter ? { "Retry-After": String(retryAfter) } : undefined;
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: errorStatus[error.code], headers },
    );
  }
  console.error("unhandled API error", error);
  return NextResponse.json(
    { error: { code: "internal_error", message: "Something went wrong on our side.", details: null } },
    { status: 500 },
  );
}

/** `scope`: the batches the caller may see; list and get functions take it as their where-clause. */
export type Context<S extends Spec> = {
  request: Request;
  params: ParamsOf<S>;
  query: QueryOf<S>;
  body: BodyOf<S>;
  caller: Caller;
  scope: Scope;
};

/** A browser's cookie-borne call that changes something must come from this app's own origin. */
function checkOrigin(request: Request, caller: Caller) {
  if (caller.kind !== "user" || ["GET", "HEAD"].includes(request.method)) return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (!URL.canParse(origin) || new URL(origin).host !== host)
    throw new ApiError("forbidden", "Cross-origin requests cannot use your session.");
}

/** The query as one value per name: a parameter given twice is refused (lists are comma-separated). */
function readQuery(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  const repeated = [...new Set([...params.keys()].filter((k) => params.getAll(k).length > 1))];
  if (repeated.length)
    throw new ApiError(
      "validation_error",
      `${repeated.join(", ")}: give each parameter once (lists are comma-separated)`,
      repeated.map((path) => ({ path, message: "given more than once" })),
    );
  return Object.fromEntries(params);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

async function readBody(endpoint: Spec, request: Request, query: Record<string, string>): Promise<unknown> {
  if (endpoint.bodyFormat === "text") return request.text();
  if (!endpoint.body) return undefined;
  // The multipart form is the route's to read (files beside a JSON field); JSON is read here.
  if (endpoint.bodyFormat === "multipart" && request.headers.get("content-type")?.startsWith("multipart/form-data"))
    return undefined;
  const json = await readJson(request);
  const input = endpoint.bodyFromQuery && isPlainObject(json) ? { ...query, ...json } : json;
  return endpoint.body.parse(input);
}

/** Wraps a route body: who is calling, whether the endpoint's rule lets them, its inputs parsed, one error shape. */
export function handle<S extends Spec>(endpoint: Endpoint<S>, fn: (ctx: Context<S>) => Promise<Response>) {
  const handler = async (
    request: Request,
    route: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    try {
      const rule = endpoint.rule;
      // Chainlink routes authenticate the DON's signed call themselves (lib/chainlink/calls.ts).
      const caller: Caller = rule.isPublic || rule.chainlink ? { kind: "anonymous" } : await resolveCaller(request);
      authorize(rule, caller);
      checkOrigin(request, caller);
      const query = readQuery(request);
      const scope = scopeOf(caller);
      const rawParams = (await route.params) ?? {};
      // Every /api/batches/{batch_id}/… route answers 404 for a batch outside the caller's scope (a malformed id gets the route's own 400).
      const batchId = rawParams.batch_id;
      if (
        endpoint.path.includes("[batch_id]") &&
        scope.kind !== "all" &&
        typeof batchId === "string" &&
        /^[1-9]\d{0,15}$/.test(batchId)
      )
        await assertBatchInScope(getDb(), scope, Number(batchId));
      const params = endpoint.params ? endpoint.params.parse(rawParams) : rawParams;
      const parsedQuery = endpoint.query ? endpoint.query.parse(query) : query;
      const body = await readBody(endpoint, request, query);
      return await fn({ request, params, query: parsedQuery, body, caller, scope } as Context<S>);
    } catch (error) {
      return errorResponse(error);
    }
  };
  // The declaration it serves, for the test that every route file's handler has one.
  return Object.assign(handler, { endpoint: endpoint as Endpoint });
}

/** A JSON answer; `status` for a creation (201) or an accepted job (202). */
export const reply = (data: unknown, status = 200) => NextResponse.json(data, { status });
