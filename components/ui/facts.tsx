// A list of labelled facts (label, then value; a missing value as "—"), laid out by the caller's grid or flow.
export type Fact = [label: string, value: React.ReactNode];

export function Facts({
  facts,
  className,
  valueClassName = "",
}: {
  facts: Fact[];
  className: string;
  valueClassName?: string;
}) {
  return (
    <dl className={className}>
      {facts.map(([label, value]) => (
        <div key={label} className="flex gap-1.5">
          <dt className="text-stone-500 dark:text-stone-400">{label}</dt>
          <dd className={valueClassName}>{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
