// The stock ledger against the chain (issue 17): random sequences of mints, transfers, partial
// redemptions, adjustments and warehouse moves; after each, holdings equal balanceOf and the ledger
// sums per batch, holder and warehouse equal holdings and warehouse stock.
import { and, eq, notInArray, sql } from "drizzle-orm";
import fc from "fast-check";
import type { Account, Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { batchTokenAbi } from "@/lib/chain/abi";
import { devAccount } from "@/lib/chain/dev-accounts";
import { codeToBytes32, kgToGrams, usdToCents } from "@/lib/chain/units";
import { getDashboardMetrics } from "@/lib/dashboard/metrics";
import { batches, blockchainEvents, warehouses, warehouseStock } from "@/lib/db/schema";
import { indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig, writeToken, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { ledgerDisagreements } from "./helpers/ledger";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
let holders: Account[];
const codes = ["WH-A", "WH-B", "WH-C"];
const template = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 17)[0];
let minted = 0;
/** Events failed on purpose; every other event must apply. */
const refusedEvents: number[] = [-1];

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  holders = [chain.producer, chain.stranger, devAccount(6)];
  config = indexerConfig(t.db, chain, 20);
  await t.db
    .insert(warehouses)
    .values(codes.map((code) => ({ code, name: `Warehouse ${code}`, country: "Belgium", capacityKg: "100000" })));
});
afterAll(() => t.drop());

type Op =
  | { kind: "mint"; kg: number; warehouse: number }
  | { kind: "transfer" | "redeem"; token: number; from: number; to: number; share: number }
  | { kind: "adjust"; token: number; holder: number; share: number; isUp: boolean; warehouse: number }
  | { kind: "move"; token: number; holder: number; share: number; warehouse: number };

const share = fc.double({ min: 0.01, max: 1, noNaN: true });
const index = fc.nat({ max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("mint" as const), kg: fc.integer({ min: 1, max: 500 }), warehouse: index }),
  fc.record({
    kind: fc.constantFrom("transfer" as const, "redeem" as const),
    token: fc.nat(),
    from: index,
    to: index,
    share,
  }),
  fc.record({
    kind: fc.constant("adjust" as const),
    token: fc.nat(),
    holder: index,
    share,
    isUp: fc.boolean(),
    warehouse: index,
  }),
  fc.record({ kind: fc.constant("move" as const), token: fc.nat(), holder: index, share, warehouse: index }),
);

const part = (amount: bigint, s: number) => (amount * BigInt(Math.round(s * 1000))) / 1000n || 1n;

/** The holder's stock at one of its warehouses, picked by `pick`; none when it holds nothing. */
async function stockAt(tokenId: bigint, holder: Address, pick: number) {
  const rows = await t.db
    .select()
    .from(warehouseStock)
    .where(
      sql`${warehouseStock.tokenId} = ${tokenId.toString()} and ${warehouseStock.holder} = ${holder.toLowerCase()}`,
    )
    .orderBy(warehouseStock.warehouse);
  return rows.length ? rows[pick % rows.length] : null;
}

/** Sends one operation; returns false when there is nothing to do or the contract refuses it. */
async function run(o: Op): Promise<boolean> {
  if (o.kind === "mint") {
    minted += 1;
    await mintBatch(chain.target, chain.producer, {
      ...template,
      quantityKg: `${o.kg}.25`,
      metadata: { ...template.metadata, batch_code: `PROP-${minted}`, warehouse: codes[o.warehouse] },
    });
    return true;
  }
  const count = Number(
    await chain.client.readContract({ address: chain.address, abi: batchTokenAbi, functionName: "batchCount" }),
  );
  if (!count) return false;
  const tokenId = BigInt((o.token % count) + 1);
  const who = holders["from" in o ? o.from : o.holder];
  const balance = await chain.client.readContract({
    address: chain.address,
    abi: batchTokenAbi,
    functionName: "balanceOf",
    args: [who.address, tokenId],
  });
  const write = (account: Account, functionName: string, args: unknown[]) =>
    writeToken(chain, account, functionName, args);
  let hash;
  try {
    if (o.kind === "transfer" && balance > 0n)
      hash = await write(who, "safeTransferFrom", [
        who.address,
        holders[o.to].address,
        tokenId,
        part(balance, o.share),
        "0x",
      ]);
    else if (o.kind === "redeem" && balance > 0n) hash = await write(who, "redeem", [tokenId, part(balance, o.share)]);
    else if (o.kind === "adjust" && o.isUp)
      hash = await write(chain.admin, "adjustStock", [
        tokenId,
        who.address,
        part(100_000n, o.share),
        codeToBytes32(codes[o.warehouse]),
        codeToBytes32("count_correction"),
      ]);
    else if (o.kind === "adjust" || o.kind === "move") {
      const at = await stockAt(tokenId, who.address, o.warehouse);
      if (!at) return false;
      const amount = part(BigInt(at.balance), o.share);
      if (o.kind === "adjust")
        hash = await write(chain.admin, "adjustStock", [
          tokenId,
          who.address,
          -amount,
          codeToBytes32(at.warehouse),
          codeToBytes32("damage"),
        ]);
      else {
        const to =
          codes.find((c) => c !== at.warehouse && codes.indexOf(c) >= o.warehouse % codes.length) ??
          codes.find((c) => c !== at.warehouse)!;
        hash = await write(who, "moveStock", [
          tokenId,
          who.address,
          amount,
          codeToBytes32(at.warehouse),
          codeToBytes32(to),
        ]);
      }
    } else return false;
  } catch {
    // The contract's own rules (a redeemed batch takes no more stock, a write-off never empties a batch).
    return false;
  }
  expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
  return true;
}

describe("the stock ledger", () => {
  it("a partial redemption lowers the dashboard's In stock kilograms and value by exactly its amount", async () => {
    const { tokenId } = await mintBatch(chain.target, chain.producer, {
      ...template,
      quantityKg: "120.5",
      pricePerKg: "7.25",
      metadata: { ...template.metadata, batch_code: "PROP-REDEEM", warehouse: "WH-A" },
    });
    await indexToHead(config);
    const before = (await getDashboardMetrics(t.db, everything)).in_stock;
    const hash = await writeToken(chain, chain.producer, "redeem", [tokenId, kgToGrams("10")]);
    expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
    await indexToHead(config);
    const after = (await getDashboardMetrics(t.db, everything)).in_stock;
    expect(after.batches).toBe(before.batches);
    // 120.5 kg × $7.25 = $873.625 → $873.63; 110.5 kg × $7.25 = $801.125 → $801.13.
    expect(kgToGrams(before.quantity_kg) - kgToGrams(after.quantity_kg)).toBe(10_000n);
    expect(usdToCents(before.value_usd) - usdToCents(after.value_usd)).toBe(7_250n);
    const [row] = await t.db
      .select({ onHand: batches.onHand, quantityKg: batches.quantityKg, status: batches.status })
      .from(batches)
      .where(eq(batches.batchCode, "PROP-REDEEM"));
    expect(row).toEqual({ onHand: "110500", quantityKg: "120.500", status: "active" });
  });

  it("a move on chain of more than the holder has at that warehouse fails to apply, says why, and changes nothing", async () => {
    const { tokenId } = await mintBatch(chain.target, chain.producer, {
      ...template,
      quantityKg: "10",
      metadata: { ...template.metadata, batch_code: "PROP-OVERMOVE", warehouse: "WH-A" },
    });
    await indexToHead(config);
    const hash = await writeToken(chain, chain.producer, "moveStock", [
      tokenId,
      chain.producer.address,
      4_000n,
      codeToBytes32("WH-B"),
      codeToBytes32("WH-C"),
    ]);
    await chain.client.waitForTransactionReceipt({ hash });
    await indexToHead(config);
    const [event] = await t.db.select().from(blockchainEvents).where(eq(blockchainEvents.txHash, hash));
    expect(event).toMatchObject({ name: "StockMoved", status: "failed" });
    expect(event.error).toMatch(/holds none of token \d+ at warehouse "WH-B"/);
    const stock = await t.db
      .select({ warehouse: warehouseStock.warehouse, balance: warehouseStock.balance })
      .from(warehouseStock)
      .where(eq(warehouseStock.tokenId, tokenId.toString()));
    expect(stock).toEqual([{ warehouse: "WH-A", balance: "10000" }]);
    refusedEvents.push(event.id);
  });

  it("holdings equal balanceOf, and the ledger sums equal holdings and warehouse stock, after every operation", async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        for (const o of ops) {
          if (!(await run(o))) continue;
          applied += 1;
          await indexToHead(config);
          const failed = await t.db
            .select({ name: blockchainEvents.name, error: blockchainEvents.error })
            .from(blockchainEvents)
            .where(and(eq(blockchainEvents.status, "failed"), notInArray(blockchainEvents.id, refusedEvents)));
          expect(failed).toEqual([]);
          expect(
            await ledgerDisagreements(
              t.db,
              chain.client,
              chain.address,
              holders.map((h) => h.address),
            ),
          ).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
    // Every kind of movement happened, none of the events failed.
    const kinds = await t.db.execute<{ type: string }>(sql`select distinct type from stock_movements order by type`);
    expect(kinds.rows.map((r) => r.type)).toEqual(["adjusted", "minted", "moved", "redeemed", "transferred"]);
    expect(
      await t.db.$count(
        blockchainEvents,
        and(eq(blockchainEvents.status, "failed"), notInArray(blockchainEvents.id, refusedEvents)),
      ),
    ).toBe(0);
    expect(applied).toBeGreaterThan(20);
  });
});
