// Thousands of rows in one statement, sent as one jsonb value that Postgres reads with
// jsonb_populate_recordset. Drizzle's multi-row VALUES builds every value of every row in
// JavaScript, which took about a third of a backfill's time; this builds one JSON string.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * `(columns) select columns from …` to follow `insert into <table>`: the columns any row names, a
 * column a row leaves out being null in it (not its default). Values are written as drizzle writes them.
 */
export function jsonRows<T extends PgTable>(table: T, rows: T["$inferInsert"][]): SQL {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const json = rows.map((row) =>
    Object.fromEntries(
      keys.map((key) => {
        const value = (row as Record<string, unknown>)[key];
        const column = columns[key];
        // A jsonb value stays a JSON value, not the text of one; a bigint goes as its digits.
        if (value == null || column.columnType === "PgJsonb") return [column.name, value ?? null];
        const stored = column.mapToDriverValue(value);
        return [column.name, typeof stored === "bigint" ? stored.toString() : stored];
      }),
    ),
  );
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key].name)),
    sql`, `,
  );
  return sql`(${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(json)}::jsonb)`;
}

/** The columns of `returning`, as a statement's tail. */
export const returning = (selection: Record<string, PgColumn>) =>
  sql`returning ${sql.join(
    Object.values(selection).map((c) => sql.identifier(c.name)),
    sql`, `,
  )}`;

/** Rows a raw statement returned, read as drizzle reads the selected columns. */
export function readRows<S extends Record<string, PgColumn>>(
  selection: S,
  rows: Record<string, unknown>[],
): { [K in keyof S]: S[K]["_"]["data"] }[] {
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(selection).map(([key, column]) => {
          const value = row[column.name];
          return [key, value == null ? value : column.mapFromDriverValue(value)];
        }),
      ) as { [K in keyof S]: S[K]["_"]["data"] },
  );
}
