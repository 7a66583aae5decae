import { z } from "zod";

import { ZId } from "@/lib/api/params";
import { cursor, list, pageLimit } from "@/lib/api/zod";
import { batchChecksAbi, batchTokenAbi } from "@/lib/chain/abi";
import { eventStatuses } from "@/lib/db/enums";

/** The batch token's events and the Chainlink consumer's. */
export const eventNames = [
  ...new Set([...batchTokenAbi, ...batchChecksAbi].filter((item) => item.type === "event").map((item) => item.name)),
] as [string, ...string[]];

const block = z
  .string()
  .regex(/^\d{1,20}$/, "must be a block number")
  .transform(BigInt);

export const ZEventListQuery = z
  .strictObject({
    status: list(eventStatuses).optional(),
    name: list(eventNames).optional(),
    batch_id: ZId.optional(),
    tx_hash: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex hash")
      .transform((s) => s.toLowerCase())
      .optional(),
    from_block: block.optional(),
    to_block: block.optional(),
    limit: pageLimit(),
    cursor: cursor(),
  })
  .refine((q) => q.from_block === undefined || q.to_block === undefined || q.from_block <= q.to_block, {
    path: ["to_block"],
    message: "must not be before from_block",
  });

export type EventListQuery = z.infer<typeof ZEventListQuery>;

export const ZToggleListening = z.strictObject({ active: z.boolean() });
