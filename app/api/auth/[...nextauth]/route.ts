// GET, POST /api/auth/* — next-auth: sign-in, sign-out, session, CSRF token
import { NextResponse, type NextRequest } from "next/server";

import { checkSignInRate, handlers } from "@/lib/auth/auth";

export const GET = handlers.GET;

/** Sign-in attempts beyond the limit get a 429 before next-auth sees them. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/callback/")) {
    const limit = await checkSignInRate(request.headers);
    if (!limit.isAllowed) {
      return NextResponse.json(
        {
          error: {
            code: "rate_limited",
            message: "Too many sign-in attempts; try again later.",
            details: { retry_after_seconds: limit.retryAfterSeconds },
          },
        },
        { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
      );
    }
  }
  return handlers.POST(request);
}
