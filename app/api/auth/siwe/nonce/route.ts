// POST /api/auth/siwe/nonce — a single-use nonce for a Sign-In With Ethereum message
import { clientAddress } from "@/lib/api/client-ip";
import { ApiError } from "@/lib/api/errors";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { createNonce } from "@/lib/auth/siwe";
import { getDb } from "@/lib/db/server";
import { auth } from "@/lib/endpoints/auth";
import { handle, reply } from "@/lib/endpoints/handle";

export const POST = handle(auth.siweNonce, async ({ request }) => {
  const limit = await hitRateLimit(getDb(), `siwe-nonce:${clientAddress(request.headers)}`, 30, 60);
  if (!limit.isAllowed)
    throw new ApiError("rate_limited", "Too many nonces requested.", { retry_after_seconds: limit.retryAfterSeconds });
  return reply({ nonce: await createNonce(getDb()) }, 201);
});
