// Kilograms on hand per warehouse, from the stock ledger: a move shows here as soon as it is indexed.
import { Card } from "@/components/ui/card";
import type { DashboardMetrics } from "@/lib/dashboard/metrics";
import { formatDecimal } from "@/lib/format";

export function StockByWarehouse({ rows }: { rows: DashboardMetrics["stock_by_warehouse"] }) {
  return (
    <Card title="On hand by warehouse (kg)">
      {rows.length === 0 ? (
        <p className="text-sm text-stone-500">No stock on hand.</p>
      ) : (
        <ul className="flex flex-col gap-1.5" data-testid="stock-by-warehouse">
          {rows.map((r) => (
            <li key={r.warehouse} className="flex justify-between gap-2 text-sm">
              <span className="truncate" title={r.name ?? r.warehouse}>
                {r.name ?? (r.warehouse || "no warehouse")}
              </span>
              <span className="tabular-nums" data-testid={`stock-warehouse-${r.warehouse}`}>
                {formatDecimal(r.on_hand_kg, 3)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
