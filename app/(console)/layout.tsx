import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";

import { MobileMenu } from "@/components/layout/mobile-menu";
import { Shortcuts } from "@/components/layout/shortcuts";
import { InboxLink } from "@/components/notifications/inbox-link";
import { signOutAction } from "@/lib/actions/sign-out";
import { canOpen, pages } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { countUnread } from "@/lib/notifications/inbox";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // Pages with a narrower audience check their own role: a layout is not re-run on client navigation.
  const user = await getSessionUser();
  if (!user)
    redirect(`/sign-in?callbackUrl=${encodeURIComponent((await headers()).get("x-pathname") ?? "/inventory")}`);
  if (user.isPending) redirect("/pending");
  const nav = pages.filter((p) => canOpen(user, p.href));
  const unread = await countUnread(getDb(), user.id);
  const links = nav.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      className="text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white"
    >
      {item.label}
    </Link>
  ));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-stone-900 focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 md:px-6">
          <Link href="/inventory" className="text-lg font-semibold tracking-tight">
            Batchtrail
          </Link>
          <nav aria-label="Main" className="hidden flex-1 flex-wrap gap-x-1.5 gap-y-2 text-sm md:flex">
            {links}
          </nav>
          <MobileMenu>
            <nav aria-label="Main" className="flex flex-col gap-2 text-sm">
              {links}
            </nav>
          </MobileMenu>
          <form action={signOutAction} className="ml-auto flex items-center gap-2 text-sm md:ml-0">
            <span data-testid="signed-in-as" className="hidden sm:inline">
              {user.name} <span className="text-stone-500">({user.role})</span>
            </span>
            <InboxLink unread={unread} />
            <Link href="/account" className="text-stone-500 underline">
              Account
            </Link>
            <button type="submit" className="text-stone-500 underline">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-6 md:px-6">
        {children}
      </main>
      <Shortcuts />
    </div>
  );
}
