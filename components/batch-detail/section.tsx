// A titled card of the batch page; the heading names the region for screen readers and tests.
export const buttonStyle = "rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
export const primaryButtonStyle = "rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 disabled:opacity-40 dark:bg-stone-100 dark:text-stone-900";
export const tableStyle = "min-w-full text-left text-sm";
export const headRowStyle = "text-xs uppercase tracking-wide text-stone-500";

export function Section({ id, title, actions, children }: { id: string; title: string; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {actions && <div className="ml-auto flex flex-wrap items-start gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-stone-500">{children}</p>;
}
