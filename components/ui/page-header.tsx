// A page's heading, a line on what the page shows, and what belongs beside the heading (live status).
export function PageHeader({
  title,
  children,
  aside,
}: {
  title: React.ReactNode;
  children?: React.ReactNode;
  aside?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {children && <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">{children}</p>}
      </div>
      {aside && <div className="ml-auto">{aside}</div>}
    </div>
  );
}
