// The one answer a check gets, on the wire and on chain: abi.encode(uint256 batchId, uint8 check,
// bool passed, uint32 code, uint64 asOf), 160 bytes (BatchChecks.sol reads exactly this).
import { decodeAbiParameters, encodeAbiParameters, parseAbiParameters, type Hex } from "viem";

import { checkTypes } from "@/lib/db/enums";

export type CheckType = (typeof checkTypes)[number];

/** The URL segment of each check: /api/chainlink/verify-batch/{batch_id}. */
export const checkPath = (check: CheckType) => check.replace("_", "-");

/** The consumer contract's Check enum, in its order. */
export const checkIndex = (check: CheckType) => checkTypes.indexOf(check);

/** What `code` counts, per check. */
export const codeMeaning: Record<CheckType, string> = {
  verify_batch: "the failed checks, as a bitmask (1 quantity, 2 metadata, 4 dates, 8 quality, 16 fraud)",
  quality_check: "the latest quality check's cupping score in hundredths (0: none recorded)",
  expiry_check: "whole days left before expiry (0: expired)",
};

export type Answer = { tokenId: bigint; check: CheckType; passed: boolean; code: number; asOf: bigint };

const params = parseAbiParameters("uint256 batchId, uint8 check, bool passed, uint32 code, uint64 asOf");

export function encodeAnswer(a: Answer): Hex {
  return encodeAbiParameters(params, [a.tokenId, checkIndex(a.check), a.passed, a.code, a.asOf]);
}

export function decodeAnswer(hex: Hex): Answer {
  const [tokenId, check, passed, code, asOf] = decodeAbiParameters(params, hex);
  if (!checkTypes[check]) throw new Error(`unknown check ${check}`);
  return { tokenId, check: checkTypes[check], passed, code, asOf };
}
