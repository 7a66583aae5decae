import Link from "next/link";

import { headCellClass } from "@/components/ui/table";

type Props = { column: string; label: string; values: Record<string, string>; align?: "right"; className?: string };

/** A column heading that sorts by the column; a second click reverses the order. From the first page. */
export function SortLink({ column, label, values, align, className = "" }: Props) {
  const { cursor: _cursor, ...rest } = values;
  const current = (values.sort ?? "id") === column;
  const order = current && (values.order ?? "desc") === "desc" ? "asc" : "desc";
  const href = `/inventory?${new URLSearchParams({ ...rest, sort: column, order })}`;
  const arrow = current ? ((values.order ?? "desc") === "desc" ? " ↓" : " ↑") : "";
  return (
    <th
      scope="col"
      aria-sort={current ? ((values.order ?? "desc") === "desc" ? "descending" : "ascending") : undefined}
      className={`${headCellClass} ${align === "right" ? "text-right" : "text-left"} ${className}`}
    >
      <Link href={href} className="hover:text-stone-900 dark:hover:text-white">
        {label}
        {arrow}
      </Link>
    </th>
  );
}
