import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { authorize, resolveCaller, scopeOf, type Caller } from "@/lib/auth/caller";
import { permissions, type Permission, type Rule } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { assertBatchInScope } from "@/lib/batches/scope";
import { getDb } from "@/lib/db/server";
import { ApiError, errorStatus } from "./errors";

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
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: errorStatus[error.code], headers });
  }
  console.error("unhandled API error", error);
  return NextResponse.json({ error: { code: "internal_error", message: "Something went wrong on our side.", details: null } }, { status: 500 });
}

/** A JSON body, or a 400 that says it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("validation_error", "The body is not valid JSON.");
  }
}

/** `scope`: the batches the caller may see; list and get functions take it as their where-clause. */
type Context<P> = { request: Request; searchParams: Record<string, string>; params: P; caller: Caller; scope: Scope };

/** A browser's cookie-borne call that changes something must come from this app's own origin. */
function checkOrigin(request: Request, caller: Caller) {
  if (caller.kind !== "user" || ["GET", "HEAD"].includes(request.method)) return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (!URL.canParse(origin) || new URL(origin).host !== host) throw new ApiError("forbidden", "Cross-origin requests cannot use your session.");
}

/** Wraps a route body: who is calling, whether the permission table lets them, and one error shape. */
export function handle<P = Record<string, never>>(permission: Permission, body: (ctx: Context<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const rule: Rule = permissions[permission];
      // Chainlink routes authenticate the DON's signed call themselves (lib/chainlink/calls.ts).
      const caller: Caller = rule.isPublic || rule.chainlink ? { kind: "anonymous" } : await resolveCaller(request);
      authorize(rule, caller);
      checkOrigin(request, caller);
      const params = new URL(request.url).searchParams;
      const repeated = [...new Set([...params.keys()].filter((k) => params.getAll(k).length > 1))];
      if (repeated.length) throw new ApiError("validation_error", `${repeated.join(", ")}: give each parameter once (lists are comma-separated)`, repeated.map((path) => ({ path, message: "given more than once" })));
      const searchParams = Object.fromEntries(params);
      const scope = scopeOf(caller);
      const routeParams = await route.params;
      // Every /api/batches/{batch_id}/… route answers 404 for a batch outside the caller's scope (a malformed id gets the route's own 400).
      const batchId = (routeParams as { batch_id?: string } | undefined)?.batch_id;
      if (permission.includes("[batch_id]") && scope.kind !== "all" && /^[1-9]\d{0,15}$/.test(batchId ?? "")) await assertBatchInScope(getDb(), scope, Number(batchId));
      return await body({ request, searchParams, params: routeParams, caller, scope });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
