// A chart's rows as a table: exactly the values its CSV holds.
import type { ChartTable } from "@/lib/analytics/table";

export function ChartTableView({ table }: { table: ChartTable }) {
  return (
    <div className="max-h-80 overflow-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{table.title}</caption>
        <thead className="sticky top-0 bg-white text-left text-xs text-stone-500 dark:bg-stone-900 dark:text-stone-400">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-2 py-1 font-medium ${c.isNumeric ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-t border-stone-100 dark:border-stone-800">
              {table.columns.map((c) => (
                <td key={c.key} className={`px-2 py-1 ${c.isNumeric ? "text-right tabular-nums" : ""}`}>
                  {row[c.key] ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length === 0 && <p className="py-4 text-center text-sm text-stone-500">No rows.</p>}
    </div>
  );
}
