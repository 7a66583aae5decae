"use client";

// The console's navigation on a narrow screen: a Menu button that opens the page list (a <details>,
// so it works before the scripts load), closed again once a page is chosen.
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function MobileMenu({ children }: { children: React.ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details ref={menu} className="relative md:hidden">
      <summary className="cursor-pointer list-none rounded-md border border-stone-300 px-2.5 py-1 text-sm dark:border-stone-700">
        Menu
      </summary>
      <div className="absolute left-0 z-40 mt-2 w-56 rounded-md border border-stone-200 bg-white p-3 shadow-lg dark:border-stone-700 dark:bg-stone-900">
        {children}
      </div>
    </details>
  );
}
