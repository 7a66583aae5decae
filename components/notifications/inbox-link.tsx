// The header's inbox link: a tray icon (the 1280 px header has no room for another word) with the
// unread count as a badge on its corner; its accessible name says both, "Inbox, N unread".
import Link from "next/link";

export function InboxLink({ unread }: { unread: number }) {
  return (
    <Link
      href="/inbox"
      aria-label={`Inbox, ${unread} unread`}
      title={`Inbox, ${unread} unread`}
      data-testid="inbox-link"
      className="relative mr-2 inline-flex text-stone-500 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white"
    >
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} className="size-5">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M2.25 13.5h3.86a2.25 2.25 0 0 1 2.012 1.244l.256.512a2.25 2.25 0 0 0 2.013 1.244h3.218a2.25 2.25 0 0 0 2.013-1.244l.256-.512a2.25 2.25 0 0 1 2.013-1.244h3.859M2.25 13.5V18a2.25 2.25 0 0 0 2.25 2.25h15A2.25 2.25 0 0 0 21.75 18v-4.5M2.25 13.5l2.41-7.23A2.25 2.25 0 0 1 6.794 4.5h10.412a2.25 2.25 0 0 1 2.134 1.77l2.41 7.23"
        />
      </svg>
      {unread > 0 && (
        <span
          data-testid="inbox-unread"
          className="absolute -right-2 -top-1.5 min-w-4 rounded-full bg-red-700 px-1 text-center text-[10px] font-semibold leading-4 text-white tabular-nums dark:bg-red-600"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
