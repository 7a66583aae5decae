// Opaque keyset cursors: the sort they belong to, the last row's sort value and id.
import { lt, type Column } from "drizzle-orm";
import { z } from "zod";

import { ApiError } from "./errors";
import { text } from "./zod";

const ZCursor = z.tuple([z.string(), z.enum(["asc", "desc"]), text().nullable(), z.number().int().positive()]);

export type Cursor = { sort: string; order: "asc" | "desc"; value: string | null; id: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.order, c.value, c.id])).toString("base64url");
}

export function decodeCursor(raw: string, sort: string, order: "asc" | "desc"): Cursor {
  let parsed: z.infer<typeof ZCursor>;
  try {
    parsed = ZCursor.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new ApiError("validation_error", "cursor: is not a cursor this API issued", [
      { path: "cursor", message: "is not a cursor this API issued" },
    ]);
  }
  const [cursorSort, cursorOrder, value, id] = parsed;
  if (cursorSort !== sort || cursorOrder !== order) {
    const message = `belongs to sort=${cursorSort}&order=${cursorOrder}, not sort=${sort}&order=${order}`;
    throw new ApiError("validation_error", `cursor: ${message}`, [{ path: "cursor", message }]);
  }
  return { sort, order, value, id };
}

/**
 * One page of a list ordered newest first by id, from the `limit + 1` rows read: the rows as JSON,
 * and a cursor for the next page when there was one row more (`beforeCursor` reads it back).
 */
export function pageByIdDesc<R, J>(rows: R[], limit: number, idOf: (row: R) => number, toJson: (row: R) => J) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > limit && last
      ? encodeCursor({ sort: "id", order: "desc", value: String(idOf(last)), id: idOf(last) })
      : null;
  return { data: page.map(toJson), next_cursor };
}

/** The rows after a `pageByIdDesc` cursor, as a where-condition on the id column; no cursor, no condition. */
export const beforeCursor = (id: Column, cursor: string | undefined) =>
  cursor === undefined ? undefined : lt(id, decodeCursor(cursor, "id", "desc").id);

/** Every page of a cursor-paged list, `limit` rows at a time, until it has no next cursor (for CSV files). */
export async function* allPages<T>(
  page: (cursor: string | undefined) => Promise<{ data: T[]; next_cursor: string | null }>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    yield next.data;
    cursor = next.next_cursor ?? undefined;
  } while (cursor);
}

/**
 * A cursor-paged list read whole, 200 rows a page, with its filters but not its paging (for CSV files):
 * `everyPage(listOrders)(db, scope, filters)`.
 */
export const everyPage =
  <D, S, Q extends { cursor?: string; limit: number }, T>(
    list: (db: D, scope: S, q: Q) => Promise<{ data: T[]; next_cursor: string | null }>,
  ) =>
  (db: D, scope: S, q: Omit<Q, "cursor" | "limit">) =>
    allPages((cursor) => list(db, scope, { ...q, cursor, limit: 200 } as Q));
