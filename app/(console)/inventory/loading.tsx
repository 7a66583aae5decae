export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading batches" className="flex flex-col gap-3">
      <div className="h-8 w-40 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-10 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-stone-100 dark:bg-stone-900" />
      ))}
    </div>
  );
}
