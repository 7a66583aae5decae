// Writes the stock ledger from the batch token's events, one event at a time in chain order, in the
// event's transaction: mints, transfers between holders, warehouse moves, adjustments and
// redemptions. Triggers keep holdings, warehouse stock and each batch's on-hand grams from the rows.
// An event already in the ledger is skipped, so a replay or retry never counts twice.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Hex } from "viem";

import { decodeMetadata } from "@/lib/batches/metadata";
import { bytes32ToCode } from "@/lib/chain/units";
import type { Tx } from "@/lib/db";
import { jsonRows } from "@/lib/db/json-rows";
import { batches, stockMovements, warehouses } from "@/lib/db/schema";

import { readBalances, type Balances } from "./balances";

export type StockEvent = {
  id: number;
  chainId: number;
  name: string;
  args: unknown;
  txHash: string;
  blockNumber: bigint;
  blockTime: Date;
};
type Movement = typeof stockMovements.$inferInsert;
/** How the ledger books a transaction the shipping wallet sent: an order's shipment, a return's intake (at the warehouse that receives it). */
export type Booking = { type?: "shipped" | "returned"; warehouse?: string };

const zero = "0x0000000000000000000000000000000000000000";
const int = (value: unknown) => BigInt(value as bigint | string);
const address = (value: unknown) => String(value).toLowerCase();

/** The tokens an event can move. */
function tokensOf(e: StockEvent): string[] {
  const a = e.args as Record<string, unknown>;
  if (e.name === "TransferSingle") return [String(a.id)];
  if (e.name === "TransferBatch") return (a.ids as unknown[]).map(String);
  return a.batchId === undefined ? [] : [String(a.batchId)];
}

export const stockEventNames = new Set([
  "BatchCreated",
  "MetadataUpdated",
  "BatchMinted",
  "BatchRedeemed",
  "TransferSingle",
  "TransferBatch",
  "StockMoved",
  "StockAdjusted",
]);

/** The warehouse a batch's metadata names, as a warehouse code when one matches its code or name. */
type WarehouseOf = Map<string, string>;

async function warehouseCodes(tx: Tx): Promise<(named: string | null | undefined) => string> {
  const rows = await tx.select({ code: warehouses.code, name: warehouses.name }).from(warehouses);
  const byName = new Map(
    rows.flatMap((r) => [
      [r.code, r.code],
      [r.name, r.code],
    ]),
  );
  return (named) => (named ? (byName.get(named) ?? byName.get(named.toUpperCase()) ?? named) : "");
}

function metadataWarehouse(args: Record<string, unknown>): string | null | undefined {
  try {
    return decodeMetadata(String(args.metadataUri), args.metadataHash as Hex).warehouse;
  } catch {
    return undefined;
  }
}

async function movementsOf(
  balances: Balances,
  e: StockEvent,
  warehouseOf: WarehouseOf,
  booked: Map<string, Booking>,
): Promise<Omit<Movement, "part">[]> {
  const a = e.args as Record<string, unknown>;
  const base = {
    chainId: e.chainId,
    eventId: e.id,
    txHash: e.txHash,
    blockNumber: e.blockNumber,
    // When the chain says it happened: the block's time, not the moment the indexer read it.
    occurredAt: e.blockTime,
  };
  const leaving = (
    type: "transferred" | "redeemed",
    tokenId: string,
    from: string,
    to: string | null,
    amount: bigint,
  ) => {
    // The shipping wallet's transactions (lib/orders/ship.ts) are booked as what they are for.
    const booking = booked.get(e.txHash);
    return balances.take(tokenId, from, amount).map((p) => ({
      ...base,
      type: booking?.type ?? type,
      tokenId,
      quantity: p.quantity.toString(),
      fromHolder: from,
      fromWarehouse: p.warehouse,
      toHolder: to,
      toWarehouse: to === null ? null : (booking?.warehouse ?? p.warehouse),
      actor: address(a.operator ?? from),
    }));
  };
  switch (e.name) {
    case "BatchMinted": {
      const tokenId = String(a.batchId);
      return [
        {
          ...base,
          type: "minted",
          tokenId,
          quantity: int(a.amount).toString(),
          toHolder: address(a.to),
          toWarehouse: warehouseOf.get(tokenId) ?? "",
        },
      ];
    }
    case "BatchRedeemed":
      return leaving("redeemed", String(a.batchId), address(a.holder), null, int(a.amount));
    case "TransferSingle":
    case "TransferBatch": {
      // Mints and burns arrive as their own typed events (BatchMinted, BatchRedeemed, StockAdjusted).
      if (address(a.from) === zero || address(a.to) === zero) return [];
      const ids = e.name === "TransferSingle" ? [a.id] : (a.ids as unknown[]);
      const values = e.name === "TransferSingle" ? [a.value] : (a.values as unknown[]);
      const out = [];
      for (let i = 0; i < ids.length; i++)
        if (int(values[i]) > 0n)
          out.push(...leaving("transferred", String(ids[i]), address(a.from), address(a.to), int(values[i])));
      return out;
    }
    case "StockMoved": {
      const holder = address(a.holder);
      return [
        {
          ...base,
          type: "moved",
          tokenId: String(a.batchId),
          quantity: int(a.amount).toString(),
          fromHolder: holder,
          toHolder: holder,
          fromWarehouse: bytes32ToCode(String(a.fromWarehouse)),
          toWarehouse: bytes32ToCode(String(a.toWarehouse)),
          actor: address(a.actor),
        },
      ];
    }
    case "StockAdjusted": {
      const delta = int(a.delta);
      const holder = address(a.holder);
      const warehouse = bytes32ToCode(String(a.warehouse));
      const side =
        delta > 0n ? { toHolder: holder, toWarehouse: warehouse } : { fromHolder: holder, fromWarehouse: warehouse };
      const reason = bytes32ToCode(String(a.reason)) as Movement["reason"];
      return [
        {
          ...base,
          type: "adjusted",
          tokenId: String(a.batchId),
          quantity: (delta > 0n ? delta : -delta).toString(),
          ...side,
          reason,
          actor: address(a.actor),
        },
      ];
    }
    default:
      return [];
  }
}

/**
 * Takes the warehouses batches lie in before the batch handlers run (they may apply later metadata
 * updates of the same range), then, after them, applies the events' stock effects in chain order,
 * following each batch's metadata as it changes. Throws (so the event fails) when a balance would
 * go below zero.
 */
export async function prepareStockEvents(
  tx: Tx,
  events: StockEvent[],
  booked: Map<string, Booking> = new Map(),
): Promise<{ apply: () => Promise<void> }> {
  const relevant = events.filter((e) => stockEventNames.has(e.name));
  if (!relevant.length) return { apply: async () => {} };
  const codeOf = await warehouseCodes(tx);
  const tokens = [
    ...new Set(
      relevant.flatMap((e) =>
        (e.args as { batchId?: unknown }).batchId === undefined
          ? []
          : [String((e.args as { batchId: unknown }).batchId)],
      ),
    ),
  ];
  const rows = tokens.length
    ? await tx
        .select({ tokenId: batches.tokenId, warehouse: batches.warehouse })
        .from(batches)
        .where(and(eq(batches.chainId, relevant[0].chainId), inArray(batches.tokenId, tokens)))
    : [];
  const warehouseOf: WarehouseOf = new Map(rows.map((r) => [r.tokenId!, codeOf(r.warehouse)]));
  return {
    async apply() {
      const done = new Set(
        (
          await tx
            .selectDistinct({ id: stockMovements.eventId })
            .from(stockMovements)
            .where(
              inArray(
                stockMovements.eventId,
                relevant.map((e) => e.id),
              ),
            )
        ).map((r) => r.id),
      );
      const balances = await readBalances(tx, relevant[0].chainId, relevant.flatMap(tokensOf));
      const created: string[] = [];
      const rows: Movement[] = [];
      for (const e of relevant) {
        const args = e.args as Record<string, unknown>;
        if (e.name === "BatchCreated" || e.name === "MetadataUpdated") {
          const named = metadataWarehouse(args);
          if (named !== undefined) warehouseOf.set(String(args.batchId), codeOf(named));
        }
        if (done.has(e.id)) continue;
        if (e.name === "BatchCreated") {
          created.push(String(args.batchId));
          continue;
        }
        const movements = await movementsOf(balances, e, warehouseOf, booked);
        for (const [part, m] of movements.entries()) {
          balances.book({
            tokenId: m.tokenId as string,
            quantity: m.quantity as string,
            from: { holder: m.fromHolder, warehouse: m.fromWarehouse },
            to: { holder: m.toHolder, warehouse: m.toWarehouse },
          });
          rows.push({ ...m, part });
        }
      }
      // A created batch has nothing on hand until it is minted (a new row is inserted so; a filled
      // draft or a replayed creation is set here); set before the movements, as only a batch with
      // none yet is set, it ends as if each creation had come in its place.
      if (created.length)
        await tx
          .update(batches)
          .set({ onHand: "0" })
          .where(
            and(
              eq(batches.chainId, relevant[0].chainId),
              sql`${batches.tokenId} = any(${`{${created.join(",")}}`}::numeric[])`,
              isNull(batches.onHand),
            ),
          );
      // The trigger applies the rows in this order, as it would one statement each.
      if (rows.length) await tx.execute(sql`insert into ${stockMovements} ${jsonRows(stockMovements, rows)}`);
    },
  };
}
