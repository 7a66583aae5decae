// What a failed query says.

/** Why a query failed: Drizzle wraps the database's error, its own message naming the query and the cause saying why. */
export function failureReason(error: unknown): string {
  const cause = (error as Error & { cause?: Error }).cause;
  return cause?.message ?? (error as Error).message ?? String(error);
}
