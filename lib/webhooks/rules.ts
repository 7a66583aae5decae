// When to try a webhook again and when to stop: exponential backoff from 30 seconds, at most two
// hours apart, with ±20% jitter, for 24 hours after the first try (about 20 tries); an endpoint is
// disabled after 20 failed attempts in a row. Pure.

export const firstRetryMs = 30_000;
export const maxRetryMs = 2 * 3600_000;
export const retryWindowMs = 24 * 3600_000;
/** Consecutive failed attempts (any deliveries) that disable an endpoint. */
export const disableAfterFailures = 20;
/** Consecutive failures from which an endpoint counts as failing (the monitor's webhook_failing). */
export const failingStreak = 5;

/** The wait after the `attempt`th failed try (1-based), jittered by `random()` in [0, 1). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(firstRetryMs * 2 ** Math.max(0, attempt - 1), maxRetryMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** When to try again after the `attempt`th failure at `now`, or null when that would pass the 24 hours. */
export function nextAttemptAt(firstAttemptAt: Date, attempt: number, now: Date, random?: () => number): Date | null {
  const at = new Date(now.getTime() + retryDelayMs(attempt, random));
  return at.getTime() - firstAttemptAt.getTime() > retryWindowMs ? null : at;
}

export const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;
