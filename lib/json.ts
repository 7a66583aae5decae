/** A value as jsonb stores it: bigints as decimal strings, undefined as null. */
export const toJson = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
