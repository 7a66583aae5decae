// Stock actions checked before anything is signed: a move past the destination's capacity or past
// what the holder has at the source, a write-off below zero, a transfer of more than is held, each
// refused with what is there. What passes comes back as the contract call for the wallet to send.
import "server-only";

import { and, eq, sql } from "drizzle-orm";
import { encodeFunctionData, type Address } from "viem";
import type { z, ZodType } from "zod";

import { ApiError } from "@/lib/api/errors";
import { batchTokenAbi } from "@/lib/chain/abi";
import { codeToBytes32, gramsToKg, kgToGrams } from "@/lib/chain/units";
import type { Db, Tx } from "@/lib/db";
import { batches, holdings, warehouses, warehouseStock } from "@/lib/db/schema";

import type { ZStockAdjustment, ZStockMove, ZStockTransfer } from "./schemas";

export type PreparedCall = {
  chain_id: number;
  to: Address;
  function_name: "moveStock" | "adjustStock" | "safeTransferFrom";
  args: string[];
  data: `0x${string}`;
  summary: string;
};
type Chain = { chainId: number; address: Address };

async function tokenOf(db: Db, batchId: number): Promise<{ tokenId: string; code: string; chainId: number }> {
  const [b] = await db
    .select({ tokenId: batches.tokenId, code: batches.batchCode, chainId: batches.chainId })
    .from(batches)
    .where(eq(batches.id, batchId));
  if (!b) throw new ApiError("not_found", `Batch ${batchId} does not exist.`);
  if (b.tokenId === null)
    throw new ApiError("rule_broken", `Batch ${b.code} is not on chain yet; it has no stock to move.`);
  return { tokenId: b.tokenId, code: b.code, chainId: b.chainId };
}

export async function findWarehouse(db: Db | Tx, code: string, mustBeActive: boolean) {
  const [w] = await db.select().from(warehouses).where(eq(warehouses.code, code));
  if (!w)
    throw new ApiError("rule_broken", `There is no warehouse ${code}.`, [
      { path: "warehouse", message: "no such warehouse" },
    ]);
  if (mustBeActive && !w.isActive)
    throw new ApiError("rule_broken", `Warehouse ${code} (${w.name}) is inactive and takes no stock.`);
  return w;
}

const gramsAt = async (db: Db | Tx, where: ReturnType<typeof and>) =>
  BigInt(
    (
      await db
        .select({ g: sql<string>`coalesce(sum(${warehouseStock.balance}), 0)::text` })
        .from(warehouseStock)
        .where(where)
    )[0].g,
  );

/** What a holder has of a token at a warehouse, in grams. */
const heldAt = (db: Db, chainId: number, tokenId: string, holder: string, code: string) =>
  gramsAt(
    db,
    and(
      eq(warehouseStock.chainId, chainId),
      eq(warehouseStock.tokenId, tokenId),
      eq(warehouseStock.holder, holder),
      eq(warehouseStock.warehouse, code),
    ),
  );

/** Refuses (422) `grams` more at a warehouse past its capacity. */
export async function assertRoom(db: Db | Tx, w: typeof warehouses.$inferSelect, grams: bigint) {
  const used = await gramsAt(db, eq(warehouseStock.warehouse, w.code));
  const capacity = kgToGrams(w.capacityKg);
  if (used + grams > capacity) {
    throw new ApiError(
      "rule_broken",
      `Warehouse ${w.code} (${w.name}) holds ${gramsToKg(used)} kg of its ${gramsToKg(capacity)} kg capacity; ${gramsToKg(grams)} kg more would exceed it by ${gramsToKg(used + grams - capacity)} kg.`,
      [{ path: "quantity_kg", message: "exceeds the warehouse's capacity" }],
    );
  }
}

/** Refuses (422, on quantity_kg) taking `grams` from the `held` grams, saying `message()` and the field's `why`. */
function assertHeld(grams: bigint, held: bigint, message: () => string, why: string) {
  if (grams > held) throw new ApiError("rule_broken", message(), [{ path: "quantity_kg", message: why }]);
}

/** Checks a stock action on a batch, from the request's input, and answers the call that does it. */
type Prepare<Z extends ZodType> = (db: Db, c: Chain, batchId: number, input: z.infer<Z>) => Promise<PreparedCall>;

function call(
  c: Chain,
  functionName: PreparedCall["function_name"],
  args: readonly unknown[],
  summary: string,
): PreparedCall {
  return {
    chain_id: c.chainId,
    to: c.address,
    function_name: functionName,
    args: args.map(String),
    data: encodeFunctionData({ abi: batchTokenAbi, functionName, args } as never),
    summary,
  };
}

export const prepareMove: Prepare<typeof ZStockMove> = async (db, c, batchId, m) => {
  const t = await tokenOf(db, batchId);
  const grams = kgToGrams(m.quantity_kg);
  await findWarehouse(db, m.from_warehouse, false);
  const to = await findWarehouse(db, m.to_warehouse, true);
  const held = await heldAt(db, t.chainId, t.tokenId, m.holder, m.from_warehouse);
  assertHeld(
    grams,
    held,
    () =>
      `${m.holder} has ${gramsToKg(held)} kg of batch ${t.code} at ${m.from_warehouse}, less than the ${m.quantity_kg} kg to move.`,
    "more than is held there",
  );
  await assertRoom(db, to, grams);
  return call(
    c,
    "moveStock",
    [BigInt(t.tokenId), m.holder, grams, codeToBytes32(m.from_warehouse), codeToBytes32(m.to_warehouse)],
    `Move ${m.quantity_kg} kg of ${t.code} from ${m.from_warehouse} to ${m.to_warehouse}`,
  );
};

export const prepareAdjustment: Prepare<typeof ZStockAdjustment> = async (db, c, batchId, a) => {
  const t = await tokenOf(db, batchId);
  const isDown = a.quantity_kg.startsWith("-");
  const grams = kgToGrams(a.quantity_kg.replace(/^-/, ""));
  const w = await findWarehouse(db, a.warehouse, !isDown);
  if (isDown) {
    const held = await heldAt(db, t.chainId, t.tokenId, a.holder, a.warehouse);
    assertHeld(
      grams,
      held,
      () =>
        `An adjustment of ${a.quantity_kg} kg would leave ${gramsToKg(grams - held)} kg below zero: ${a.holder} has ${gramsToKg(held)} kg of batch ${t.code} at ${a.warehouse}.`,
      "below zero",
    );
  } else await assertRoom(db, w, grams);
  return call(
    c,
    "adjustStock",
    [BigInt(t.tokenId), a.holder, isDown ? -grams : grams, codeToBytes32(a.warehouse), codeToBytes32(a.reason)],
    `Adjust ${t.code} by ${a.quantity_kg} kg at ${a.warehouse} (${a.reason.replace("_", " ")})`,
  );
};

export const prepareTransfer: Prepare<typeof ZStockTransfer> = async (db, c, batchId, x) => {
  const t = await tokenOf(db, batchId);
  const grams = kgToGrams(x.quantity_kg);
  const [row] = await db
    .select({ balance: holdings.balance })
    .from(holdings)
    .where(and(eq(holdings.chainId, t.chainId), eq(holdings.tokenId, t.tokenId), eq(holdings.holder, x.from)));
  const held = BigInt(row?.balance ?? 0);
  assertHeld(
    grams,
    held,
    () => `${x.from} holds ${gramsToKg(held)} kg of batch ${t.code}, less than the ${x.quantity_kg} kg to transfer.`,
    "more than is held",
  );
  return call(
    c,
    "safeTransferFrom",
    [x.from, x.to, BigInt(t.tokenId), grams, "0x"],
    `Transfer ${x.quantity_kg} kg of ${t.code} to ${x.to}`,
  );
};
