// How many blocks to ask eth_getLogs for: halve when the RPC refuses a range or times out,
// double again while answers stay small. Providers cap ranges by blocks, results or bytes.

/** Logs per answer we aim under; past it the range stops growing. */
const comfortableLogs = 2_000;

const rangeRefusal = /more than|too many|limit|range|exceed|response size|timed? ?out|timeout|took too long/i;

/** True when a smaller range could succeed where this one failed. */
export function isRangeRefusal(error: unknown): boolean {
  const e = error as { message?: string; details?: string; shortMessage?: string; name?: string };
  if (e?.name === "TimeoutError") return true;
  return rangeRefusal.test(`${e?.shortMessage ?? ""} ${e?.details ?? ""} ${e?.message ?? ""}`);
}

export function shrinkRange(size: number): number {
  return Math.max(1, Math.floor(size / 2));
}

export function growRange(size: number, logs: number, max: number): number {
  return logs < comfortableLogs ? Math.min(max, size * 2) : size;
}
