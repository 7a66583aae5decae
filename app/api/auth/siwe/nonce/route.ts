// POST /api/auth/siwe/nonce — a single-use nonce for a Sign-In With Ethereum message
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { clientAddress } from "@/lib/api/client-ip";
import { handle } from "@/lib/api/handler";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { createNonce } from "@/lib/auth/siwe";
import { getDb } from "@/lib/db/server";

export const POST = handle("POST /api/auth/siwe/nonce", async ({ request }) => {
  const limit = await hitRateLimit(getDb(), `siwe-nonce:${clientAddress(request.headers)}`, 30, 60);
  if (!limit.isAllowed) throw new ApiError("rate_limited", "Too many nonces requested.", { retry_after_seconds: limit.retryAfterSeconds });
  return NextResponse.json({ nonce: await createNonce(getDb()) }, { status: 201 });
});
