// The header's "Inbox" link, with the unread count as a badge when there is any.
import Link from "next/link";

export function InboxLink({ unread }: { unread: number }) {
  return (
    <Link
      href="/inbox"
      aria-label={`Inbox, ${unread} unread`}
      data-testid="inbox-link"
      className="inline-flex items-center gap-1 text-stone-500 underline"
    >
      Inbox
      {unread > 0 && (
        <span
          data-testid="inbox-unread"
          className="rounded-full bg-red-700 px-1.5 text-xs font-medium leading-5 text-white no-underline tabular-nums dark:bg-red-600"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
