// A titled card, its children stacked; the heading names the region for screen readers and tests.
/** The frame alone, for lists and tables that pad their own rows. */
export const frameClass = "rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900";
export const cardClass = `${frameClass} p-4`;
const titleClass = "text-sm font-semibold text-stone-800 dark:text-stone-100";

export type CardProps = {
  id?: string;
  title?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
} & Omit<React.HTMLAttributes<HTMLElement>, "title">;

export function Card({ id, title, actions, className = "", children, ...props }: CardProps) {
  return (
    <section
      aria-labelledby={title && id ? id : undefined}
      aria-label={title && !id && typeof title === "string" ? title : undefined}
      className={`flex min-w-0 flex-col gap-3 ${cardClass} ${className}`}
      {...props}
    >
      {(title || actions) && (
        <div className="flex flex-wrap items-center gap-3">
          {title && (
            <h2 id={id} className={titleClass}>
              {title}
            </h2>
          )}
          {actions && <div className="ml-auto flex flex-wrap items-start gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** A quiet line saying a card or list has nothing to show. */
export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-stone-500">{children}</p>;
}

type EmptyStateProps = { title?: string; children: React.ReactNode; className?: string };

/** A page-level "nothing here" box, announced as a status: an optional title, then what to do about it. */
export function EmptyState({ title, children, className = "" }: EmptyStateProps) {
  return (
    <div
      role="status"
      className={`rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-500 dark:border-stone-700 ${className}`}
    >
      {title && <p className="mb-1 text-base font-medium text-stone-900 dark:text-stone-100">{title}</p>}
      {children}
    </div>
  );
}
