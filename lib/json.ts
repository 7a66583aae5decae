/** A value as jsonb stores it: bigints as decimal strings, undefined as null. */
export const toJson = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));

type Snake<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}`
  : S;
type AsJson<V> = V extends Date ? string : V;
export type RowJson<R, K extends keyof R & string> = { [P in K as Snake<P>]: AsJson<R[P]> };

/** A row's columns `keys` as the API shows them: snake_case names, in this order, times as ISO 8601. */
export function rowJson<R extends object, K extends keyof R & string>(row: R, keys: readonly K[]): RowJson<R, K> {
  return Object.fromEntries(
    keys.map((k) => {
      const value = row[k];
      return [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value instanceof Date ? value.toISOString() : value];
    }),
  ) as RowJson<R, K>;
}
