// Chainlink Functions: the DON's three signed calls, and a batch's checks as stored.
import { z } from "zod";

import { text } from "@/lib/api/zod";
import { readers } from "@/lib/auth/permissions";
import { ZChainlinkCall } from "@/lib/chainlink/schemas";
import { checkTypes } from "@/lib/db/enums";

import { endpoints } from "./define";
import { listOf, numberOrNull, textOrNull } from "./shapes";

const don = { roles: [], chainlink: true };
// The token id is checked after the signature (lib/chainlink/calls.ts): an unsigned call learns nothing.
const tokenParam = z.object({ batch_id: text() });

const ZCheckJson = z.object({
  chainlink_request_id: z.string(),
  router_request_id: textOrNull,
  check: z.enum(checkTypes),
  batch_id: numberOrNull,
  token_id: z.string(),
  stage: z.enum(["sent", "answered", "fulfilled", "applied", "failed"]),
  passed: z.boolean().nullable(),
  code: numberOrNull,
  code_meaning: z.string(),
  reasons: z.array(z.string()).nullable(),
  answer: textOrNull,
  as_of: textOrNull,
  applied: z.boolean().nullable(),
  error: textOrNull,
  requester: textOrNull,
  request_tx: textOrNull,
  settle_tx: textOrNull,
  created_at: z.string(),
  updated_at: z.string(),
});

/** A call the DON makes: signed, its body read as text for the signature, answered once per request id. */
const donCall = <const P extends `/api/chainlink/${string}/[batch_id]`>(path: P, summary: string) => ({
  route: `POST ${path}` as const,
  rule: don,
  summary,
  params: tokenParam,
  body: ZChainlinkCall,
  bodyFormat: "text" as const,
  response: ZCheckJson,
});

export const chainlink = endpoints({
  chainlinkVerifyBatch: donCall(
    "/api/chainlink/verify-batch/[batch_id]",
    "For the Chainlink DON (signed): run the verification engine on the batch with this on-chain id and answer one 160-byte ABI encoding; the same chainlink_request_id always gets the same answer.",
  ),
  chainlinkQualityCheck: donCall(
    "/api/chainlink/quality-check/[batch_id]",
    "For the Chainlink DON (signed): the latest quality grade of the batch with this on-chain id, as one 160-byte ABI encoding.",
  ),
  chainlinkExpiryCheck: donCall(
    "/api/chainlink/expiry-check/[batch_id]",
    "For the Chainlink DON (signed): whether the batch with this on-chain id has expired, as one 160-byte ABI encoding.",
  ),
  chainlinkRequests: {
    route: "GET /api/batches/[batch_id]/chainlink-requests",
    rule: readers,
    summary:
      "The batch's Chainlink checks, newest first: stage (sent, answered, fulfilled, applied, failed), the answer decoded, and its transactions.",
    response: listOf(ZCheckJson),
  },
});
