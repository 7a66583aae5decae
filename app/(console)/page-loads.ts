import "server-only";

// What a console page reads before it shows anything: the signed-in user allowed on it, and either
// the one record it is about or the filters and place of the list it pages through.
import { notFound } from "next/navigation";
import type { ZodType } from "zod";

import { placeOf } from "@/components/ui/paged-list";
import { ApiError } from "@/lib/api/errors";
import { loadListPage, readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser, type PageUser } from "@/lib/auth/session";

/** A detail page's props: the record's id as the URL holds it. */
export type DetailProps = { params: Promise<{ id: string }> };

/** A list page's props: its filters as the URL holds them. */
export type ListProps = { searchParams: Promise<SearchParams> };

/**
 * The record at `${base}/${idParam}`: an id that is no positive integer, or a record the user may not
 * see (answered as missing, so its existence does not leak), is a 404.
 */
export async function loadDetail<T>(
  base: string,
  idParam: string,
  read: (user: PageUser, id: number) => Promise<T>,
): Promise<{ user: PageUser; id: number; record: T }> {
  const user = await requirePageUser(`${base}/${idParam}`);
  const id = Number(idParam);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  try {
    return { user, id, record: await read(user, id) };
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * A list page's user, its URL's filters, its place (for Pager) and `load`, which reads a page of rows
 * with the filters and answers what PagedList takes: the pager's links keep the filters named, or
 * without `names` every one the URL has.
 */
export async function openList(path: string, searchParams: ListProps["searchParams"], names?: readonly string[]) {
  const user = await requirePageUser(path);
  const filters = readFilters(await searchParams);
  const kept = names ?? Object.keys(filters.values).filter((name) => name !== "cursor");
  const place = placeOf(path, kept, filters);
  const load = async <Q, P>(schema: ZodType<Q>, list: (query: Q) => Promise<P>) => ({
    result: await loadListPage(schema, filters, list),
    place,
  });
  return { user, values: filters.values, place, load };
}
