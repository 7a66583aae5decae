import Link from "next/link";

const nav = [
  { href: "/inventory", label: "Inventory" },
  { href: "/batches/new", label: "Add batch" },
];

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div className="mx-auto flex max-w-7xl items-center gap-8 px-6 py-3">
          <Link href="/inventory" className="text-lg font-semibold tracking-tight">
            Batchtrail
          </Link>
          <nav aria-label="Main" className="flex gap-4 text-sm">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className="text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white">
                {item.label}
              </Link>
            ))}
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-6">{children}</main>
    </div>
  );
}
