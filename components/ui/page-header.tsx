// A page's heading, a line on what the page shows, and what belongs beside the heading (live status,
// or a link to a sibling page).
import Link from "next/link";

export function PageHeader({
  title,
  children,
  aside,
  link,
}: {
  title: React.ReactNode;
  children?: React.ReactNode;
  aside?: React.ReactNode;
  /** A sibling page, linked beside the heading (a list and its analytics). */
  link?: { href: string; label: string };
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {children && <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">{children}</p>}
      </div>
      {(aside || link) && (
        <div className="ml-auto">
          {aside}
          {link && (
            <Link href={link.href} className="text-sm underline">
              {link.label}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
