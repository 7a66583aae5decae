// Field helpers every domain's zod schemas use, with the shared wording of their errors.
import { z } from "zod";

import "@/lib/zod-words";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Whether jsonb (the audit log, settings) can keep the text: no lone UTF-16 surrogate. */
export const isWellFormed = (s: string) => !loneSurrogate.test(s);
/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 encoder would: jsonb keeps it. */
export const toWellFormed = (s: string) => s.replace(new RegExp(loneSurrogate, "g"), "\uFFFD");

/** Text Postgres can store, in a column and in jsonb: no NUL characters, no lone surrogate. */
export const text = () =>
  z
    .string()
    .refine((s) => !s.includes("\u0000"), "must not contain NUL characters")
    .refine(isWellFormed, "must be well-formed text");
/** A keyset cursor from a list's `next_cursor`: base64url, as the API issues them. */
export const cursor = () =>
  z
    .string()
    .max(1000, "is not a cursor this API issued")
    .regex(/^[A-Za-z0-9_-]*$/, "is not a cursor this API issued")
    .optional();
/** How many rows a page holds: a whole number from 1 to `max`, `fallback` when not given. */
export const pageLimit = (max = 200, fallback = 50) => z.coerce.number().int().min(1).max(max).default(fallback);
/** A calendar date, YYYY-MM-DD, that Postgres can store: it has no year 0, which ISO 8601 has. */
export const calendarDate = () =>
  z.iso
    .date({ error: "must be a calendar date, YYYY-MM-DD" })
    .refine((d) => !d.startsWith("0000-"), "must be a calendar date from the year 0001 on");
/** A list's days (`from` to `to`, both included, either open) and its page: the fields of a dated list's query. */
export const daysAndPage = () => ({
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  cursor: cursor(),
  limit: pageLimit(),
});
/** A non-negative decimal string with at most `scale` decimals: exact, never a float. */
export const decimal = (scale: number) =>
  z
    .string()
    .min(1, "is required")
    .pipe(
      z
        .string()
        .regex(
          new RegExp(`^\\d+(\\.\\d{1,${scale}})?$`),
          `must be a number (0 or more) with at most ${scale} decimals, like ${scale ? `12.${"5".padEnd(scale, "0")}` : "12"}`,
        ),
    );
/** Whether a decimal string's integer part (leading zeros aside) fits in `digits` digits: a numeric column's precision. */
export const fitsDigits = (digits: number) => (v: string) => v.split(".")[0].replace(/^0+(?=\d)/, "").length <= digits;
/** A query parameter listing values of `values`, comma-separated: `status=open,resolved`. */
export const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1, "at least one value"));
