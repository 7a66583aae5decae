// A list's query filters as one SQL condition: each filter given matches its column.
import { and, eq, inArray, type Column, type SQL } from "drizzle-orm";

/** The filters of `q` that `columns` names and that were given: the column's value, or one of them for a list. */
export function filterBy<Q extends object>(q: Q, columns: { [K in keyof Q]?: Column }): SQL | undefined {
  return and(
    ...Object.entries(columns).map(([key, column]) => {
      const value: unknown = q[key as keyof Q];
      if (value === undefined || !column) return undefined;
      return Array.isArray(value) ? inArray(column as Column, value) : eq(column as Column, value);
    }),
  );
}
