// A batch's off-chain facts travel as JSON whose keccak256 hash is stored on chain.
import { keccak256, stringToBytes, type Hex } from "viem";
import { z } from "zod";

import { calendarDate, decimal, text } from "@/lib/api/zod";
import { processes } from "@/lib/db/enums";

export const ZBatchMetadata = z.strictObject({
  batch_code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, "upper-case letters, digits and dashes"),
  origin_country: text().min(2).max(60),
  region: text().max(80).optional(),
  farm: text().max(120).optional(),
  cooperative: text().max(120).optional(),
  variety: text().max(80).optional(),
  process: z.enum(processes).optional(),
  altitude_m: z.number().int().min(0).max(6000).optional(),
  harvest_date: calendarDate().optional(),
  warehouse: text().max(80).optional(),
  cupping_score: decimal(2).optional(),
  moisture_pct: decimal(1).optional(),
});

export type BatchMetadata = z.infer<typeof ZBatchMetadata>;

const prefix = "data:application/json;base64,";

/** The canonical JSON (keys in schema order) and its hash and data URI. */
export function encodeMetadata(metadata: BatchMetadata): { json: string; hash: Hex; uri: string } {
  const parsed = ZBatchMetadata.parse(metadata);
  const json = JSON.stringify(parsed);
  return { json, hash: keccak256(stringToBytes(json)), uri: prefix + Buffer.from(json).toString("base64") };
}

/** Reads metadata from a data URI and checks it against the on-chain hash. */
export function decodeMetadata(uri: string, expectedHash: Hex): BatchMetadata {
  if (!uri.startsWith(prefix)) throw new Error(`unsupported metadata URI scheme: ${uri.slice(0, 40)}`);
  const json = Buffer.from(uri.slice(prefix.length), "base64").toString("utf8");
  const hash = keccak256(stringToBytes(json));
  if (hash !== expectedHash.toLowerCase())
    throw new Error(`metadata hash mismatch: chain has ${expectedHash}, URI content hashes to ${hash}`);
  return ZBatchMetadata.parse(JSON.parse(json));
}
