// A list page's filters as its URL holds them, ready for the page's query schema.

/** What Next.js hands a page as searchParams. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The filters: an empty form field (`type=`) means "any" and is dropped; a name given twice is not
 * a value but listed in `repeated`, for the page to refuse.
 */
export function readFilters(params: SearchParams): { values: Record<string, string>; repeated: string[] } {
  const entries = Object.entries(params);
  return {
    values: Object.fromEntries(entries.flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : []))),
    repeated: entries.filter(([, v]) => Array.isArray(v)).map(([k]) => k),
  };
}
