import type { Metadata } from "next";
import Link from "next/link";

import { NewWarehouseForm, ToggleWarehouse } from "@/components/stock/warehouse-form";
import { Card } from "@/components/ui/card";
import { headRowClass, Table } from "@/components/ui/table";
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
      <h1 className="text-2xl font-semibold tracking-tight">Warehouses</h1>
      <p className="text-sm text-stone-500">
        Where stock lies. A move past a warehouse&apos;s capacity is refused; an inactive warehouse takes no stock.{" "}
        <Link href="/admin" className="underline">
          Back to admin
        </Link>
      </p>
      <Card id="new-warehouse" title="Add a warehouse">
        <NewWarehouseForm />
      </Card>
      <Table testId="warehouses">
        <thead>
          <tr className={headRowClass}>
            <th className="py-2 pr-4">Code</th>
            <th className="py-2 pr-4">Name</th>
            <th className="py-2 pr-4">Country</th>
            <th className="py-2 pr-4">Address</th>
            <th className="py-2 pr-4 text-right">Capacity (kg)</th>
            <th className="py-2 pr-4 text-right">On hand (kg)</th>
            <th className="py-2 pr-4 text-right">Used</th>
            <th className="py-2 pr-4" />
          </tr>
        </thead>
        <tbody>
          {warehouses.map((w) => (
            <tr key={w.code} data-warehouse={w.code} className="border-t border-stone-200 dark:border-stone-800">
              <td className="py-1.5 pr-4 font-mono">{w.code}</td>
              <td className="py-1.5 pr-4">
                {w.name}
                {!w.is_active && <span className="ml-2 text-xs text-stone-500">(inactive)</span>}
              </td>
              <td className="py-1.5 pr-4">{w.country}</td>
              <td className="py-1.5 pr-4 text-xs">{w.address}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{formatDecimal(w.capacity_kg, 3)}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{formatDecimal(w.on_hand_kg, 3)}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{w.used_pct} %</td>
              <td className="py-1.5 pr-4">
                <ToggleWarehouse code={w.code} isActive={w.is_active} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
