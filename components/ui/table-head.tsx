/** A plain table header row: column names, left-aligned, small caps. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr className="text-left text-xs uppercase text-stone-500">
        {columns.map((c, i) => (
          <th key={i} className="py-1 pr-4">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
