// The stock ledger: warehouses, stock on hand, the movements, and the stock actions, each checked
// here and then sent from a wallet (the chain wants the holder's or an inventory manager's signature).
import { z } from "zod";

import { ZNoQuery } from "@/lib/api/params";
import { adminsOnly, everyone, everyoneAndKeys, operatorsAndKeys, readers } from "@/lib/auth/permissions";
import {
  ZMovementQuery,
  ZNewWarehouse,
  ZStockAdjustment,
  ZStockMove,
  ZStockTransfer,
  ZWarehouseChange,
  ZWarehouseCode,
} from "@/lib/stock/schemas";

import { csvExport, endpoints } from "./define";
import { listOf, numberOrNull, pageOf, textOrNull } from "./shapes";

const ZWarehouseJson = z.object({
  code: z.string(),
  name: z.string(),
  country: z.string(),
  address: textOrNull,
  capacity_kg: z.string(),
  is_active: z.boolean(),
});
const ZWarehouseStock = ZWarehouseJson.extend({ on_hand_kg: z.string(), used_pct: z.string() });
const ZMovementJson = z.object({
  id: z.number(),
  batch_id: numberOrNull,
  batch_code: textOrNull,
  token_id: z.string(),
  type: z.string(),
  quantity_kg: z.string(),
  from_holder: textOrNull,
  to_holder: textOrNull,
  from_warehouse: textOrNull,
  to_warehouse: textOrNull,
  reason: textOrNull,
  note: textOrNull,
  actor: textOrNull,
  tx_hash: textOrNull,
  block_number: textOrNull,
  occurred_at: z.string(),
});
const ZPreparedCall = z.object({
  chain_id: z.number(),
  to: z.string(),
  function_name: z.enum(["moveStock", "adjustStock", "safeTransferFrom"]),
  args: z.array(z.string()),
  data: z.string(),
  summary: z.string(),
});
const ZStockSummary = z.object({
  by_warehouse: z.array(
    z.object({
      warehouse: z.string(),
      name: textOrNull,
      capacity_kg: textOrNull,
      on_hand_kg: z.string(),
      used_pct: textOrNull,
      batches: z.number(),
    }),
  ),
  by_holder: z.array(z.object({ holder: z.string(), on_hand_kg: z.string(), batches: z.number() })),
});
const prepared =
  "Nothing is changed here: the answer is the contract call to sign and send from a wallet (`to`, `data`), and the ledger records it once its event is indexed.";

const declared = endpoints({
  listWarehouses: {
    route: "GET /api/warehouses",
    rule: everyoneAndKeys,
    summary:
      "Every warehouse with its capacity, the stock on hand in it (all holders) and the share of its capacity used.",
    query: ZNoQuery,
    response: listOf(ZWarehouseStock),
  },

  createWarehouse: {
    route: "POST /api/warehouses",
    rule: adminsOnly,
    summary:
      "Add a warehouse (code, name, country, address, capacity in kg). 409 when its code or name is taken. Audited.",
    body: ZNewWarehouse,
    response: ZWarehouseJson,
    statuses: [201],
  },

  updateWarehouse: {
    route: "PATCH /api/warehouses/[code]",
    rule: adminsOnly,
    summary:
      "Change a warehouse's name, country, address, capacity, or deactivate it (an inactive warehouse takes no stock). Audited.",
    params: ZWarehouseCode,
    body: ZWarehouseChange,
    response: ZWarehouseJson,
  },

  getStock: {
    route: "GET /api/stock",
    rule: readers,
    summary:
      "Stock on hand per warehouse (with its capacity used) and per holder, from holdings: what the chain's balances say.",
    query: ZNoQuery,
    response: ZStockSummary,
  },

  listMovements: {
    route: "GET /api/stock-movements",
    rule: readers,
    summary:
      "The stock ledger, newest first: minted, transferred, moved, adjusted and redeemed, with quantity, holders, warehouses, reason, actor and transaction. Filters: batch_id, type, warehouse, holder, from, to (dates, UTC).",
    query: ZMovementQuery,
    response: pageOf(ZMovementJson),
  },

  prepareMove: {
    route: "POST /api/batches/[batch_id]/stock-moves",
    rule: operatorsAndKeys,
    summary: `Check a move of a holder's stock between warehouses: refused (422) past the destination's capacity or past what the holder has at the source. ${prepared}`,
    body: ZStockMove,
    response: ZPreparedCall,
  },

  prepareAdjustment: {
    route: "POST /api/batches/[batch_id]/stock-adjustments",
    rule: operatorsAndKeys,
    summary: `Check an adjustment (count correction, damage, loss, sample, moisture loss; quantity_kg negative to write off): refused (422) below zero at that warehouse or past its capacity. Sent by a wallet with the inventory manager role. ${prepared}`,
    body: ZStockAdjustment,
    response: ZPreparedCall,
  },

  prepareTransfer: {
    route: "POST /api/batches/[batch_id]/stock-transfers",
    rule: { roles: everyone, members: true, apiKeys: true },
    summary: `Check a transfer of part of a batch from one holder to another: refused (422) past what the sender holds. The sender's wallet signs it. ${prepared}`,
    body: ZStockTransfer,
    response: ZPreparedCall,
  },

  batchHoldings: {
    route: "GET /api/batches/[batch_id]/holdings",
    rule: readers,
    summary: "Who holds how much of the batch, per warehouse, as the ledger sums it (equal to balanceOf on chain).",
    query: ZNoQuery,
    response: listOf(
      z.object({ holder: z.string(), warehouse: z.string(), quantity_kg: z.string(), holder_total_kg: z.string() }),
    ),
  },
});

export const stock = {
  ...declared,
  exportMovements: csvExport(declared.listMovements, "movement"),
};
