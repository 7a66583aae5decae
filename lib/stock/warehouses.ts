// Warehouses: where stock lies, with a capacity. Admins keep them; every change is audited.
import "server-only";

import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { warehouses } from "@/lib/db/schema";

import type { ZNewWarehouse, ZWarehouseChange } from "./schemas";

export type WarehouseJson = {
  code: string;
  name: string;
  country: string;
  address: string | null;
  capacity_kg: string;
  is_active: boolean;
  on_hand_kg: string;
  used_pct: string;
};

/** Every warehouse with what lies in it now (all holders) and the share of its capacity used. */
export async function listWarehouses(db: Db): Promise<WarehouseJson[]> {
  const { rows } = await db.execute<WarehouseJson>(sql`
    select w.code, w.name, w.country, w.address, w.capacity_kg::text, w.is_active,
      (coalesce(s.grams, 0) / 1000.0)::numeric(20, 3)::text as on_hand_kg,
      round(coalesce(s.grams, 0) / 1000.0 / w.capacity_kg * 100, 1)::text as used_pct
    from warehouses w left join (select warehouse, sum(balance) as grams from warehouse_stock group by warehouse) s on s.warehouse = w.code
    order by w.code`);
  return rows;
}

export async function getWarehouse(db: Db, code: string) {
  const [row] = await db.select().from(warehouses).where(eq(warehouses.code, code));
  return row ?? null;
}

const toRow = (w: Partial<z.infer<typeof ZNewWarehouse>>) => ({
  ...(w.code !== undefined && { code: w.code }),
  ...(w.name !== undefined && { name: w.name }),
  ...(w.country !== undefined && { country: w.country }),
  ...(w.address !== undefined && { address: w.address }),
  ...(w.capacity_kg !== undefined && { capacityKg: w.capacity_kg }),
  ...(w.is_active !== undefined && { isActive: w.is_active }),
});

export async function createWarehouse(db: Db, input: z.infer<typeof ZNewWarehouse>, actor: Actor) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(warehouses)
      .values(toRow(input) as typeof warehouses.$inferInsert)
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new ApiError("conflict", `A warehouse with code ${input.code} or name "${input.name}" already exists.`);
    await recordAudit(tx, {
      entity: "warehouse",
      entityId: row.code,
      action: "warehouse.created",
      actor,
      after: input,
    });
    return row;
  });
}

export async function updateWarehouse(db: Db, code: string, change: z.infer<typeof ZWarehouseChange>, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(warehouses).where(eq(warehouses.code, code)).for("update");
    if (!before) throw new ApiError("not_found", `Warehouse ${code} does not exist.`);
    const [row] = await tx
      .update(warehouses)
      .set({ ...toRow(change), updatedAt: new Date() })
      .where(eq(warehouses.code, code))
      .returning()
      .catch((error: Error & { cause?: { code?: string } }) => {
        if (error.cause?.code === "23505")
          throw new ApiError("conflict", `Another warehouse is already named "${change.name}".`);
        throw error;
      });
    await recordAudit(tx, {
      entity: "warehouse",
      entityId: code,
      action: "warehouse.updated",
      actor,
      before: {
        name: before.name,
        country: before.country,
        address: before.address,
        capacity_kg: before.capacityKg,
        is_active: before.isActive,
      },
      after: change,
    });
    return row;
  });
}

export const warehouseJson = (w: typeof warehouses.$inferSelect) => ({
  code: w.code,
  name: w.name,
  country: w.country,
  address: w.address,
  capacity_kg: w.capacityKg,
  is_active: w.isActive,
});

export const listWarehouseRows = (db: Db) => db.select().from(warehouses).orderBy(asc(warehouses.code));
