// A keyset-paged list's frame: the filters' error when the URL's are invalid; else a card with the
// rows (or the line saying there are none) above the pager. Orders, returns, plots, the inbox and
// the system alerts share it.
import { Card, Empty, type CardProps } from "./card";
import { Notice } from "./notice";
import { Pager } from "./pager";

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
  /** The card's title and actions, when the page's answer names them. */
  card?: (page: P) => Omit<CardProps, "children">;
  children: (page: P) => React.ReactNode;
};

export function PagedList<P extends Page>({ result, place, card, empty, children, nextLabel }: Props<P>) {
  if (!("page" in result)) return <Notice>{result.invalid}</Notice>;
  const { page } = result;
  return (
    <Card {...card?.(page)}>
      {page.data.length === 0 ? <Empty>{empty}</Empty> : children(page)}
      <Pager {...place} nextLabel={nextLabel} next={page.next_cursor} />
    </Card>
  );
}
