import type { Metadata } from "next";

import { NewWarehouseForm, ToggleWarehouse } from "@/components/stock/warehouse-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { formatDecimal } from "@/lib/format";
import { listWarehouses } from "@/lib/stock/warehouses";

export const metadata: Metadata = { title: "Warehouses" };
export const dynamic = "force-dynamic";

export default async function WarehousesPage() {
  await requirePageUser("/admin/warehouses");
  const warehouses = await listWarehouses(getDb());
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Warehouses" link={{ href: "/admin", label: "Back to admin" }}>
        Where stock lies. A move past a warehouse&apos;s capacity is refused; an inactive warehouse takes no stock.
      </PageHeader>
      <Card id="new-warehouse" title="Add a warehouse">
        <NewWarehouseForm />
      </Card>
      <Table testId="warehouses">
        <TableHead
          columns={[
            "Code",
            "Name",
            "Country",
            "Address",
            numeric("Capacity (kg)"),
            numeric("On hand (kg)"),
            numeric("Used"),
            "",
          ]}
        />
        <tbody>
          {warehouses.map((w) => (
            <tr key={w.code} data-warehouse={w.code} className={rowClass}>
              <td className={`${cellClass} font-mono`}>{w.code}</td>
              <td className={cellClass}>
                {w.name}
                {!w.is_active && <span className="ml-2 text-xs text-stone-500">(inactive)</span>}
              </td>
              <td className={cellClass}>{w.country}</td>
              <td className={`${cellClass} text-xs`}>{w.address}</td>
              <td className={numericCellClass}>{formatDecimal(w.capacity_kg, 3)}</td>
              <td className={numericCellClass}>{formatDecimal(w.on_hand_kg, 3)}</td>
              <td className={numericCellClass}>{w.used_pct} %</td>
              <td className={cellClass}>
                <ToggleWarehouse code={w.code} isActive={w.is_active} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
