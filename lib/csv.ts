// CSV as RFC 4180 writes it (CRLF rows, quotes doubled), for every export.

// A text cell a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers.
const formulaStart = /^[=+\-@\t\r]/;
const numeric = /^-?\d+(\.\d+)?$/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && formulaStart.test(text) && !numeric.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]) => `${values.map(csvField).join(",")}\r\n`;
