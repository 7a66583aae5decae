// CSV as RFC 4180 writes it (CRLF rows, quotes doubled), for every export.

// A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV injection
// advice); spreadsheets skip leading blanks and line breaks, so they are skipped before the check.
const leadingBlanks = /^[\s\u0000-\u001f\u007f]+/;
const formulaStart = /^[=+\-@|]/;
const numeric = /^-?\d+(\.\d+)?$/;

/** Whether a spreadsheet could read this text as a formula. */
export const isFormulaLike = (text: string) =>
  /^[\t\r\n]/.test(text) || formulaStart.test(text.replace(leadingBlanks, ""));

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && !numeric.test(text) && isFormulaLike(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]) => `${values.map(csvField).join(",")}\r\n`;

/** A CSV file as a stream: the header row, then each page the iterator yields, read as they are needed. */
export function csvStream<T>(columns: readonly (keyof T)[], pages: AsyncIterator<T[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(columns as readonly unknown[])));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvRow(columns.map((c) => row[c]))).join("")));
    },
  });
}

/** A CSV export: `csvOf(columns, allOrders)` is a function of allOrders' arguments that streams those rows as CSV. */
export const csvOf =
  <A extends unknown[], T>(columns: readonly (keyof T)[], rows: (...args: A) => AsyncIterator<T[]>) =>
  (...args: A) =>
    csvStream(columns, rows(...args));
