import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { encodeFunctionData, type Account, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mintArgs } from "@/lib/batches/drafts";
import { encodeMetadata } from "@/lib/batches/metadata";
import { batchTokenAbi } from "@/lib/chain/abi";
import { codeToBytes32, kgToGrams } from "@/lib/chain/units";
import { batches, blockchainEvents, stockMovements, warehouseStock } from "@/lib/db/schema";
import { createIndexer, indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig, mintToProducer, realignClock, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { ledgerDisagreements } from "./helpers/ledger";
import { mirror } from "./helpers/mirror";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
const base = demoBatches(6, new Date("2026-11-23T00:00:00Z"), 11).map((b) => ({ ...b, state: "active" as const }));
const cleanDbs: TestDb[] = [];

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  config = indexerConfig(t.db, chain, 3);
  await mintToProducer(chain, base);
  await indexToHead(config);
});
afterAll(async () => {
  await realignClock(chain);
  await t.drop();
  await Promise.all(cleanDbs.map((d) => d.drop()));
});

function newBatch(code: string) {
  const b = base[0];
  return mintArgs({
    ...b.metadata,
    batch_code: code,
    quantity_kg: "120.5",
    price_per_kg: "7.25",
    production_date: b.productionDate,
    expiry_date: b.expiryDate,
  });
}

/** The blocks of an activity that create a batch, with the code's suffix. */
const creations: [number, string][] = [
  [0, "NEW"],
  [5, "NEW-2"],
  [9, "NEW-3"],
];
/** The batch codes a tag's activity of `depth` blocks creates. */
const createdCodes = (tag: string, depth: number) =>
  creations.filter(([block]) => block < depth).map(([, suffix]) => `${tag}-${suffix}`);

/** One transaction per block: a new batch, then changes to the base batches, and again from the sixth block on. */
function activity(tag: string, depth: number, tokenShift: bigint): { from: Account; data: Hex }[] {
  const [codes, token] = [createdCodes(tag, 10), (n: bigint) => n + tokenShift];
  const move = (warehouse: string) => encodeMetadata({ ...base[Number(token(4n)) - 1].metadata, warehouse });
  const [moved, movedAgain] = [move(`${tag} warehouse`), move(`${tag} second warehouse`)];
  const grams = kgToGrams(base[Number(token(2n)) - 1].quantityKg);
  const create = (code: string) => ({
    from: chain.producer,
    data: encodeFunctionData({
      abi: batchTokenAbi,
      functionName: "createBatch",
      args: [chain.producer.address, ...newBatch(code)],
    }),
  });
  const adjust = (extra: bigint, why: string) => ({
    from: chain.admin,
    data: encodeFunctionData({
      abi: batchTokenAbi,
      functionName: "adjustInventory",
      args: [token(2n), grams + extra, why],
    }),
  });
  const redeem = () => ({
    from: chain.producer,
    data: encodeFunctionData({ abi: batchTokenAbi, functionName: "redeem", args: [token(3n), kgToGrams("1")] }),
  });
  const calls: { from: Account; data: Hex }[] = [
    create(codes[0]),
    {
      from: chain.admin,
      data: encodeFunctionData({ abi: batchTokenAbi, functionName: "markVerified", args: [token(1n)] }),
    },
    adjust(BigInt(depth) * 1000n, `${tag} recount`),
    redeem(),
    {
      from: chain.admin,
      data: encodeFunctionData({
        abi: batchTokenAbi,
        functionName: "updateMetadata",
        args: [token(4n), moved.hash, moved.uri],
      }),
    },
    create(codes[1]),
    adjust(BigInt(depth) * 1000n + 500n, `${tag} second recount`),
    redeem(),
    {
      from: chain.admin,
      data: encodeFunctionData({
        abi: batchTokenAbi,
        functionName: "updateMetadata",
        args: [token(4n), movedAgain.hash, movedAgain.uri],
      }),
    },
  ];
  return [...calls, create(codes[2])].slice(0, depth);
}

async function send(calls: { from: Account; data: Hex }[]) {
  const hashes: Hex[] = [];
  for (const c of calls) {
    const hash = await chain
      .wallet(c.from)
      .sendTransaction({ to: chain.address, data: c.data, chain: chain.client.chain, account: c.from });
    const receipt = await chain.client.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe("success");
    hashes.push(hash);
  }
  return hashes;
}

async function cleanRun() {
  const clean = await createTestDb();
  cleanDbs.push(clean);
  await indexToHead({ ...config, db: clean.db, blockRange: 50 });
  return mirror(clean.db, { withAttempts: false });
}

describe("reorgs", () => {
  const orphanCodes: string[] = [];
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    "after a %i-block reorg the database matches the canonical chain",
    async (depth) => {
      const before = await chain.client.getBlockNumber();
      const orphanedTxs = await send(activity(`ORPHAN-${depth}`, depth, 0n));
      await indexToHead(config);
      const [orphan] = await t.db
        .select()
        .from(batches)
        .where(eq(batches.batchCode, `ORPHAN-${depth}-NEW`));
      expect(orphan.tokenId).not.toBeNull();

      // Replace the last `depth` blocks: other transactions, touching other batches.
      const replacement = activity(`CANON-${depth}`, depth, 1n).map((c, i) => [
        { from: c.from.address, to: chain.address, data: c.data, gas: "0x7a1200" },
        i,
      ]);
      await chain.client.request({ method: "anvil_reorg" as never, params: [depth, replacement] as never });
      expect(await chain.client.getBlockNumber()).toBe(before + BigInt(depth));

      const indexer = createIndexer(config);
      const first = await indexer.step();
      expect(first).toMatchObject({ kind: "reorg", ancestor: before });
      await indexer.toHead();

      expect(await mirror(t.db, { withAttempts: false })).toEqual(await cleanRun());
      const [undone] = await t.db
        .select()
        .from(batches)
        .where(eq(batches.batchCode, `ORPHAN-${depth}-NEW`));
      expect(undone).toMatchObject({ id: orphan.id, tokenId: null, status: "draft" });
      // The only rows without a token are the orphaned creations, of this reorg and the shallower ones before it.
      orphanCodes.push(...createdCodes(`ORPHAN-${depth}`, depth));
      const drafts = await t.db.select({ code: batches.batchCode }).from(batches).where(isNull(batches.tokenId));
      expect(drafts.map((d) => d.code).sort()).toEqual([...orphanCodes].sort());
      const orphaned = await t.db.select().from(blockchainEvents).where(inArray(blockchainEvents.txHash, orphanedTxs));
      expect(orphaned.length).toBeGreaterThanOrEqual(depth);
      expect(orphaned.every((e) => e.status === "reorged")).toBe(true);
    },
  );

  it("undoes a reorg that shortens the chain", async () => {
    const before = await chain.client.getBlockNumber();
    await send(activity("SHORT", 3, 0n));
    await indexToHead(config);
    await chain.client.request({ method: "anvil_rollback" as never, params: [3] as never });
    await indexToHead(config);
    expect(await mirror(t.db, { withAttempts: false })).toEqual(await cleanRun());
    expect(await chain.client.getBlockNumber()).toBe(before);
  });

  it("a reorg takes the orphaned blocks' movements and holdings away, and keeps the canonical ones exactly once", async () => {
    const before = await chain.client.getBlockNumber();
    const [token, holder, other] = [1n, chain.producer.address, chain.stranger.address];
    const [{ warehouse }] = await t.db
      .select({ warehouse: warehouseStock.warehouse })
      .from(warehouseStock)
      .where(and(eq(warehouseStock.tokenId, "1"), eq(warehouseStock.holder, holder.toLowerCase())));
    const stockCalls = (tag: string, grams: bigint) => [
      {
        from: chain.producer,
        data: encodeFunctionData({
          abi: batchTokenAbi,
          functionName: "safeTransferFrom",
          args: [holder, other, token, grams, "0x"],
        }),
      },
      {
        from: chain.admin,
        data: encodeFunctionData({
          abi: batchTokenAbi,
          functionName: "moveStock",
          args: [token, holder, grams, codeToBytes32(warehouse), codeToBytes32(`${tag}-WH`)],
        }),
      },
      {
        from: chain.admin,
        data: encodeFunctionData({
          abi: batchTokenAbi,
          functionName: "adjustStock",
          args: [token, holder, -grams, codeToBytes32(`${tag}-WH`), codeToBytes32("damage")],
        }),
      },
      {
        from: chain.producer,
        data: encodeFunctionData({ abi: batchTokenAbi, functionName: "redeem", args: [token, grams] }),
      },
    ];
    const orphanedTxs = await send(stockCalls("ORPHAN", 1_000n));
    await indexToHead(config);
    expect(await t.db.$count(stockMovements, inArray(stockMovements.txHash, orphanedTxs))).toBe(4);

    const replacement = stockCalls("CANON", 2_000n).map((c, i) => [
      { from: c.from.address, to: chain.address, data: c.data, gas: "0x7a1200" },
      i,
    ]);
    await chain.client.request({ method: "anvil_reorg" as never, params: [4, replacement] as never });
    await indexToHead(config);

    expect(await t.db.$count(stockMovements, inArray(stockMovements.txHash, orphanedTxs))).toBe(0);
    const canonical = await t.db
      .select()
      .from(stockMovements)
      .where(gt(stockMovements.blockNumber, before))
      .orderBy(stockMovements.id);
    // What was moved to CANON-WH is written off there; the redemption comes from where the batch was minted.
    expect(canonical.map((m) => [m.type, m.quantity, m.toWarehouse ?? m.fromWarehouse])).toEqual([
      ["transferred", "2000", warehouse],
      ["moved", "2000", "CANON-WH"],
      ["adjusted", "2000", "CANON-WH"],
      ["redeemed", "2000", warehouse],
    ]);
    expect(new Set(canonical.map((m) => m.txHash)).size).toBe(4);
    expect(await ledgerDisagreements(t.db, chain.client, chain.address, [holder, other])).toEqual([]);
    expect(await mirror(t.db, { withAttempts: false })).toEqual(await cleanRun());
  });

  it("a batch whose creation is mined again in another block is filled again", async () => {
    const before = await chain.client.getBlockNumber();
    const { tokenId } = await mintBatch(chain.target, chain.producer, {
      ...base[5],
      metadata: { ...base[5].metadata, batch_code: "REMINED-1" },
    });
    await indexToHead(config);
    const [first] = await t.db.select().from(batches).where(eq(batches.batchCode, "REMINED-1"));
    // The same call lands one block later on the new chain, as an orphaned transaction usually does.
    const data = encodeFunctionData({
      abi: batchTokenAbi,
      functionName: "createBatch",
      args: [chain.producer.address, ...newBatch("REMINED-1")],
    });
    await chain.client.request({
      method: "anvil_reorg" as never,
      params: [1, [[{ from: chain.producer.address, to: chain.address, data, gas: "0x7a1200" }, 0]]] as never,
    });
    await indexToHead(config);
    const [again] = await t.db.select().from(batches).where(eq(batches.batchCode, "REMINED-1"));
    expect(again).toMatchObject({ id: first.id, tokenId: tokenId.toString(), status: "active", quantityKg: "120.500" });
    expect(await mirror(t.db, { withAttempts: false })).toEqual(await cleanRun());
    expect(await chain.client.getBlockNumber()).toBe(before + 1n);
  });
});
