// A keyset-paged list's links: the first page, the previous one and the next one. Keyset cursors
// only go forward, so the URL keeps the trail of the cursors that led here (`back`, dot-separated;
// an empty entry is the first page): Previous pops it, Next pushes the current cursor onto it.
import Link from "next/link";

type Props = {
  path: string;
  /** The filters, without cursor and back. */
  filters: URLSearchParams;
  cursor?: string;
  back?: string;
  next: string | null;
  nextLabel?: string;
  firstLabel?: string;
};

const href = (path: string, filters: URLSearchParams, cursor: string | undefined, trail: string[]) => {
  const params = new URLSearchParams(filters);
  if (cursor) params.set("cursor", cursor);
  if (cursor && trail.some(Boolean)) params.set("back", trail.join("."));
  return `${path}?${params}`;
};

export function Pager({
  path,
  filters,
  cursor,
  back,
  next,
  nextLabel = "Next page",
  firstLabel = "First page",
}: Props) {
  const trail = back ? back.split(".") : [];
  return (
    <nav aria-label="Pages" className="flex flex-wrap gap-4 text-sm">
      {cursor && (
        <>
          <Link className="underline" href={href(path, filters, undefined, [])}>
            ← {firstLabel}
          </Link>
          <Link className="underline" rel="prev" href={href(path, filters, trail.at(-1), trail.slice(0, -1))}>
            ‹ Previous
          </Link>
        </>
      )}
      {next && (
        <Link className="underline" rel="next" href={href(path, filters, next, [...trail, cursor ?? ""])}>
          {nextLabel} →
        </Link>
      )}
    </nav>
  );
}
