export function Card({ title, children, className = "" }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900 ${className}`}>
      <h2 className="text-sm font-semibold text-stone-700 dark:text-stone-200">{title}</h2>
      {children}
    </section>
  );
}
