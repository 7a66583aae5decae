import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { shortHash } from "@/components/verification/display";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { formatDecimal } from "@/lib/format";
import { getStockSummary } from "@/lib/stock/ledger";

export const metadata: Metadata = { title: "Stock" };
export const dynamic = "force-dynamic";

export default async function StockPage() {
  const user = await requirePageUser("/stock");
  const stock = await getStockSummary(getDb(), user.scope);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Stock on hand">
        What the holders hold on chain, per warehouse and per holder, from the stock ledger.{" "}
        <Link className="underline" href="/movements">
          Every movement
        </Link>
        .
      </PageHeader>
      <Card id="by-warehouse" title="By warehouse">
        <Table testId="stock-by-warehouse" isFramed={false}>
          <TableHead
            columns={[
              "Warehouse",
              numeric("Batches"),
              numeric("On hand (kg)"),
              numeric("Capacity (kg)"),
              "Capacity used",
            ]}
          />
          <tbody>
            {stock.by_warehouse.map((w) => (
              <tr key={w.warehouse} data-warehouse={w.warehouse} className={rowClass}>
                <td className={cellClass}>
                  <Link href={`/movements?warehouse=${encodeURIComponent(w.warehouse)}`}>
                    {w.name ? `${w.name} (${w.warehouse})` : w.warehouse || "no warehouse"}
                  </Link>
                </td>
                <td className={numericCellClass}>{w.batches}</td>
                <td className={numericCellClass} data-testid="on-hand">
                  {formatDecimal(w.on_hand_kg, 3)}
                </td>
                <td className={numericCellClass}>{w.capacity_kg ? formatDecimal(w.capacity_kg, 3) : "—"}</td>
                <td className={cellClass}>
                  {w.used_pct !== null && (
                    <span className="flex items-center gap-2">
                      <meter
                        min={0}
                        max={100}
                        value={Math.min(100, Number(w.used_pct))}
                        aria-label={`${w.warehouse} capacity used`}
                        className="w-32"
                      />
                      {w.used_pct} %
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card id="by-holder" title="By holder">
        <Table testId="stock-by-holder" isFramed={false}>
          <TableHead columns={["Holder", numeric("Batches"), numeric("On hand (kg)")]} />
          <tbody>
            {stock.by_holder.map((h) => (
              <tr key={h.holder} data-holder={h.holder} className={rowClass}>
                <td className={`${cellClass} font-mono text-xs`} title={h.holder}>
                  <Link href={`/movements?holder=${h.holder}`}>{shortHash(h.holder)}</Link>
                </td>
                <td className={numericCellClass}>{h.batches}</td>
                <td className={numericCellClass}>{formatDecimal(h.on_hand_kg, 3)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
