import { z } from "zod";

/** The body a Functions source posts to /api/chainlink/{check}/{batch_id}. */
export const ZChainlinkCall = z.strictObject({
  chainlink_request_id: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex id")
    .transform((s) => s.toLowerCase()),
});

/** {batch_id} on these routes is the batch's on-chain id: the chain knows no other. */
export const ZTokenParam = z
  .string()
  .regex(/^\d{1,78}$/, "batch_id must be the batch's on-chain id, a whole number")
  .transform(BigInt);
