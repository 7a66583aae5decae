// Entries one under another, each after the first set off by a rule: a batch's alerts, its quality checks.
export function Entries({ isOrdered = false, children }: { isOrdered?: boolean; children: React.ReactNode }) {
  const List = isOrdered ? "ol" : "ul";
  return <List className="flex flex-col gap-3">{children}</List>;
}

export function Entry(props: Omit<React.ComponentProps<"li">, "className">) {
  return (
    <li
      {...props}
      className="flex flex-col gap-2 border-t border-stone-200 pt-3 first:border-t-0 first:pt-0 dark:border-stone-800"
    />
  );
}
