// A CSV answer the browser saves as a file: per user and per moment, so never cached.

/** `name` dated today: csvFile(body, "batches") saves as batches-2026-11-29.csv. */
export const todaysFilename = (name: string) => `${name}-${new Date().toISOString().slice(0, 10)}.csv`;

export function csvFile(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
