import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { ApiError, errorStatus } from "./errors";

export type ErrorBody = { error: { code: string; message: string; details: unknown } };

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
    return NextResponse.json({ error: { code: "validation_error", message, details } }, { status: 400 });
  }
  if (error instanceof ApiError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: errorStatus[error.code] });
  }
  console.error("unhandled API error", error);
  return NextResponse.json({ error: { code: "internal_error", message: "Something went wrong on our side.", details: null } }, { status: 500 });
}

type Context<P> = { request: Request; searchParams: Record<string, string>; params: P };

/** Wraps a route body: parses the query, maps every error to the one error shape. */
export function handle<P = Record<string, never>>(body: (ctx: Context<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const searchParams = Object.fromEntries(new URL(request.url).searchParams);
      return await body({ request, searchParams, params: await route.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
