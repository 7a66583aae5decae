// A keyset-paged list's links: back to the first page, and on to the next one when there is more.
import Link from "next/link";

type Props = { path: string; filters: URLSearchParams; cursor?: string; next: string | null; nextLabel: string };

export function Pager({ path, filters, cursor, next, nextLabel }: Props) {
  return (
    <div className="flex gap-4 text-sm">
      {cursor && (
        <Link className="underline" href={`${path}?${filters}`}>
          First page
        </Link>
      )}
      {next && (
        <Link className="underline" href={`${path}?${new URLSearchParams([...filters, ["cursor", next]])}`}>
          {nextLabel}
        </Link>
      )}
    </div>
  );
}
