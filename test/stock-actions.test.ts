// The stock actions checked before signing (lib/stock/prepare.ts): refused past capacity, past what
// is held, below zero, with what is there; what passes is the exact call that, sent, the ledger records.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZAnalyticsFilters } from "@/lib/analytics/schemas";
import { getStockChart } from "@/lib/analytics/stock";
import { ApiError } from "@/lib/api/errors";
import { everything } from "@/lib/auth/scope";
import { batches, warehouses, warehouseStock } from "@/lib/db/schema";
import { indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { prepareAdjustment, prepareMove, prepareTransfer } from "@/lib/stock/prepare";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { ledgerDisagreements } from "./helpers/ledger";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
let batchId: number;
const template = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 5)[0];

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  config = indexerConfig(t.db, chain, 20);
  await t.db.insert(warehouses).values([
    { code: "BIG-WH", name: "Big", country: "Belgium", capacityKg: "10000" },
    { code: "TINY-WH", name: "Tiny", country: "Belgium", capacityKg: "1" },
    { code: "SHUT-WH", name: "Shut", country: "Belgium", capacityKg: "10000", isActive: false },
  ]);
  await mintBatch(chain.target, chain.producer, {
    ...template,
    quantityKg: "100",
    metadata: { ...template.metadata, batch_code: "ACT-1", warehouse: "Big" },
  });
  await indexToHead(config);
  [{ id: batchId }] = await t.db.select({ id: batches.id }).from(batches).where(eq(batches.batchCode, "ACT-1"));
});
afterAll(() => t.drop());

const c = () => ({ chainId: 31337, address: chain.address });
const holder = () => chain.producer.address.toLowerCase();
/** The producer's stock of the batch, leaving BIG-WH or counted there, or handed to the stranger. */
const move = (to_warehouse: string, quantity_kg: string) =>
  prepareMove(t.db, c(), batchId, { holder: holder(), from_warehouse: "BIG-WH", to_warehouse, quantity_kg });
const adjust = (quantity_kg: string, reason: Parameters<typeof prepareAdjustment>[3]["reason"]) =>
  prepareAdjustment(t.db, c(), batchId, { holder: holder(), warehouse: "BIG-WH", quantity_kg, reason });
const transfer = (quantity_kg: string) =>
  prepareTransfer(t.db, c(), batchId, { from: holder(), to: chain.stranger.address.toLowerCase(), quantity_kg });

async function refused(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe("rule_broken");
  return (error as ApiError).message;
}

async function send(prepared: { to: `0x${string}`; data: `0x${string}` }, account = chain.admin) {
  const hash = await chain
    .wallet(account)
    .sendTransaction({ to: prepared.to, data: prepared.data, chain: chain.client.chain, account });
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
  await indexToHead(config);
}

describe("stock actions", () => {
  it("files the minted batch under the warehouse its metadata names", async () => {
    expect(
      await t.db.select({ warehouse: warehouseStock.warehouse, balance: warehouseStock.balance }).from(warehouseStock),
    ).toEqual([{ warehouse: "BIG-WH", balance: "100000" }]);
  });

  it("refuses a move past the destination's capacity, past what is held at the source, or into an inactive warehouse", async () => {
    expect(await refused(move("TINY-WH", "1.001"))).toBe(
      "Warehouse TINY-WH (Tiny) holds 0.000 kg of its 1.000 kg capacity; 1.001 kg more would exceed it by 0.001 kg.",
    );
    expect(await refused(move("TINY-WH", "100.001"))).toMatch(
      /has 100\.000 kg of batch ACT-1 at BIG-WH, less than the 100\.001 kg to move/,
    );
    expect(await refused(move("SHUT-WH", "1"))).toMatch(/inactive/);
    expect(await refused(move("NOPE-WH", "1"))).toBe("There is no warehouse NOPE-WH.");
  });

  it("refuses a write-off below zero and a transfer of more than is held", async () => {
    expect(await refused(adjust("-100.5", "damage"))).toMatch(/would leave 0\.500 kg below zero/);
    expect(await refused(transfer("100.001"))).toMatch(/holds 100\.000 kg of batch ACT-1, less than the 100\.001 kg/);
  });

  it("answers calls that, sent, land in the ledger exactly", async () => {
    await send(await move("TINY-WH", "1"));
    await send(await adjust("-2.25", "moisture_loss"));
    await send(await adjust("0.5", "count_correction"));
    await send(await transfer("10"), chain.producer);
    const stock = await t.db
      .select({ holder: warehouseStock.holder, warehouse: warehouseStock.warehouse, balance: warehouseStock.balance })
      .from(warehouseStock)
      .orderBy(warehouseStock.holder, warehouseStock.warehouse);
    // The transfer leaves the sender's warehouses in code order: BIG-WH first.
    expect(stock).toEqual(
      [
        { holder: holder(), warehouse: "BIG-WH", balance: "87250" },
        { holder: holder(), warehouse: "TINY-WH", balance: "1000" },
        { holder: chain.stranger.address.toLowerCase(), warehouse: "BIG-WH", balance: "10000" },
      ].sort((a, b) => a.holder.localeCompare(b.holder) || a.warehouse.localeCompare(b.warehouse)),
    );
    expect(
      await ledgerDisagreements(t.db, chain.client, chain.address, [chain.producer.address, chain.stranger.address]),
    ).toEqual([]);
    // Analytics' stock by warehouse, from the ledger, ends at what lies in each warehouse now.
    const chart = await getStockChart(t.db, ZAnalyticsFilters.parse({}), "warehouse", everything);
    const last = chart.rows.at(-1)!;
    const byName = Object.fromEntries(chart.columns.slice(1).map((col) => [col.label, last[col.key]]));
    expect(byName).toEqual({ "BIG-WH (kg)": "97.250", "TINY-WH (kg)": "1.000" });
    // TINY-WH is now full.
    expect(await refused(move("TINY-WH", "0.001"))).toMatch(/holds 1\.000 kg of its 1\.000 kg capacity/);
  });
});
