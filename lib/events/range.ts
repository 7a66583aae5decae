// How many blocks to ask eth_getLogs for: halve when the RPC refuses a range or times out,
// double again while answers stay small, and aim a range of large answers at the comfortable
// size. Providers cap ranges by blocks, results or bytes.
import { causes } from "@/lib/chain/errors";

/** Logs per answer we aim under; past it the range stops growing. */
const comfortableLogs = 2_000;

// Infura "query returned more than 10000 results", Alchemy "Log response size exceeded",
// QuickNode "limited to a 10,000 range", Ankr "block range is too wide", and timeouts.
const rangeRefusal =
  /more than|too wide|block range|limited to|exceed|response size|timed? ?out|timeout|took too long/i;
const rateLimit = /rate.?limit|too many requests/i;

/** True when a smaller range could succeed where this one failed; a rate limit is not such a case. */
export function isRangeRefusal(error: unknown): boolean {
  const errors = causes(error);
  const text = errors.map((e) => `${e.message ?? ""} ${e.details ?? ""}`).join(" ");
  if (errors.some((e) => e.status === 429) || rateLimit.test(text)) return false;
  return errors.some((e) => e.name === "TimeoutError") || rangeRefusal.test(text);
}

export function shrinkRange(size: number): number {
  return Math.max(1, Math.floor(size / 2));
}

/** The next range after `size` blocks held `logs` logs: twice as wide, or as wide as holds about comfortableLogs. */
export function growRange(size: number, logs: number, max: number): number {
  if (logs < comfortableLogs) return Math.min(max, size * 2);
  return Math.max(1, Math.floor((size * comfortableLogs) / logs));
}
