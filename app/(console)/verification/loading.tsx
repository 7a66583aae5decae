// Shown while the queue loads.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading the verification queue" className="flex animate-pulse flex-col gap-4">
      <div className="h-8 w-64 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-10 w-full max-w-xl rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-64 w-full rounded-lg bg-stone-200 dark:bg-stone-800" />
    </div>
  );
}
