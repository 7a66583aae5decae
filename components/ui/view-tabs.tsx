// A list's preset views (All, Open, Unread…) as pill links; the current one is marked for screen readers too.
import Link from "next/link";

export type View = { label: string; href: string; isCurrent: boolean };

/** Views that each set one filter of the list at `path` to a value (none: the whole list); `current` is the URL's. */
export const filterViews = (
  path: string,
  name: string,
  current: string | undefined,
  views: readonly { label: string; value?: string }[],
): View[] =>
  views.map((v) => ({
    label: v.label,
    href: v.value ? `${path}?${name}=${v.value}` : path,
    isCurrent: current === v.value,
  }));

export function ViewTabs({ views, label = "Show" }: { views: readonly View[]; label?: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2 text-sm">
      {views.map((v) => (
        <Link
          key={v.label}
          href={v.href}
          aria-current={v.isCurrent ? "page" : undefined}
          className="rounded-full border border-stone-300 px-3 py-0.5 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:border-stone-700 dark:aria-[current=page]:bg-stone-100 dark:aria-[current=page]:text-stone-900"
        >
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
