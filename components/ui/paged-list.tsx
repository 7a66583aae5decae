// A keyset-paged list's frame: its preset views when it has some; the filters' error when the URL's
// are invalid, else a card with the rows (or the line saying there are none) above the pager.
// Orders, returns, plots, the inbox and the system alerts share it.
import { Card, Empty, type CardProps } from "./card";
import { Notice } from "./notice";
import { Pager } from "./pager";
import { filterViews, ViewTabs } from "./view-tabs";

type Page = { data: unknown[]; next_cursor: string | null };

/** The pager's links: the list's path, its filters (without cursor and back), this page's cursor and trail. */
type Place = { path: string; filters: URLSearchParams; cursor?: string; back?: string };

/** Where a list page is, from its URL's filters (lib/api/search-params.ts): only the named ones are kept. */
export function placeOf(
  path: string,
  names: readonly string[],
  { values, back }: { values: Record<string, string>; back?: string },
): Place {
  const filters = new URLSearchParams(names.flatMap((k) => (values[k] ? [[k, values[k]]] : [])));
  return { path, filters, cursor: values.cursor, back };
}

type Props<P extends Page> = {
  result: { page: P } | { invalid: string };
  place: Place;
  nextLabel: string;
  empty: React.ReactNode;
  /** Preset views, each setting the filter `name` to a value (none: the whole list). */
  views?: { name: string; options: readonly { label: string; value?: string }[] };
  /** The card's title and actions, when the page's answer names them. */
  card?: (page: P) => Omit<CardProps, "children">;
  children: (page: P) => React.ReactNode;
};

export function PagedList<P extends Page>({ result, place, views, ...list }: Props<P>) {
  return (
    <>
      {views && (
        <ViewTabs
          views={filterViews(place.path, views.name, place.filters.get(views.name) ?? undefined, views.options)}
        />
      )}
      {"page" in result ? <PageCard page={result.page} place={place} {...list} /> : <Notice>{result.invalid}</Notice>}
    </>
  );
}

function PageCard<P extends Page>({
  page,
  place,
  card,
  empty,
  children,
  nextLabel,
}: Omit<Props<P>, "result"> & { page: P }) {
  return (
    <Card {...card?.(page)}>
      {page.data.length === 0 ? <Empty>{empty}</Empty> : children(page)}
      <Pager {...place} nextLabel={nextLabel} next={page.next_cursor} />
    </Card>
  );
}
