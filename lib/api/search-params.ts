// A list page's filters as its URL holds them, ready for the page's query schema.
import type { ZodType } from "zod";

import { ApiError } from "./errors";

/** What Next.js hands a page as searchParams. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The filters: an empty form field (`type=`) means "any" and is dropped; a name given twice is not
 * a value but listed in `repeated`, for the page to refuse. `back` is not a filter but the pager's
 * trail of earlier pages' cursors (components/ui/pager.tsx), kept apart.
 */
export function readFilters(params: SearchParams): {
  values: Record<string, string>;
  repeated: string[];
  back: string | undefined;
} {
  const { back, ...rest } = params;
  const entries = Object.entries(rest);
  return {
    values: Object.fromEntries(entries.flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : []))),
    repeated: entries.filter(([, v]) => Array.isArray(v)).map(([k]) => k),
    back: typeof back === "string" && back !== "" ? back : undefined,
  };
}

/** The page a list's filters ask for, or why they cannot be used (said in place of the list). */
export async function loadListPage<Q, P>(
  schema: ZodType<Q>,
  { values, repeated }: { values: Record<string, string>; repeated: string[] },
  list: (query: Q) => Promise<P>,
): Promise<{ page: P } | { invalid: string }> {
  if (repeated.length) return { invalid: `${repeated.join(", ")}: give each filter once (lists are comma-separated)` };
  const query = schema.safeParse(values);
  if (!query.success)
    return { invalid: query.error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ") };
  try {
    return { page: await list(query.data) };
  } catch (error) {
    if (error instanceof ApiError) return { invalid: error.message };
    throw error;
  }
}
