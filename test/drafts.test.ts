import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/errors";
import { recordMintTransaction, saveDraft } from "@/lib/batches/drafts";
import { ZNewBatch, type NewBatch } from "@/lib/batches/schemas";
import { batchTokenAbi } from "@/lib/chain/abi";
import { batches } from "@/lib/db/schema";
import { indexToHead } from "@/lib/events/indexer";

import { deployTestToken, indexerConfig, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";

const system = { kind: "system" as const, id: "test" };

let t: TestDb;
let chain: TestToken;

const input: NewBatch = ZNewBatch.parse({
  batch_code: "GTM-HUE-2026-0101",
  origin_country: "Guatemala",
  region: "Huehuetenango",
  process: "washed",
  quantity_kg: "1380.250",
  price_per_kg: "8.40",
  production_date: "2026-03-01",
  expiry_date: "2027-03-01",
});

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
});
afterAll(() => t.drop());

describe("drafts", () => {
  it("refuses an expiry before production, a zero quantity and too many decimals", () => {
    const bad = [
      { expiry_date: "2026-02-01" },
      { quantity_kg: "0" },
      { quantity_kg: "1.2345" },
      { price_per_kg: "8.401" },
    ];
    for (const change of bad)
      expect(ZNewBatch.safeParse({ ...input, ...change }).success, JSON.stringify(change)).toBe(false);
  });

  it("keeps one draft per batch code however often it is saved", async () => {
    const first = await saveDraft(t.db, 31337, input, system);
    const again = await saveDraft(t.db, 31337, { ...input, quantity_kg: "1400.000" }, system);
    expect(again.id).toBe(first.id);
    const rows = await t.db.select().from(batches).where(eq(batches.batchCode, input.batch_code));
    expect(rows).toHaveLength(1);
    expect([rows[0].status, rows[0].quantityKg, rows[0].tokenId]).toEqual(["draft", "1400.000", null]);
  });

  it("becomes the minted batch when the wallet's createBatch is indexed", async () => {
    const { id, args } = await saveDraft(t.db, 31337, input, system);
    const hash = await chain.wallet(chain.producer).writeContract({
      address: chain.address,
      abi: batchTokenAbi,
      chain: chain.client.chain,
      functionName: "createBatch",
      args: [chain.producer.address, ...args],
    });
    await recordMintTransaction(t.db, id, hash, system);
    expect((await t.db.select().from(batches).where(eq(batches.id, id)))[0].status).toBe("pending_mint");

    await chain.client.waitForTransactionReceipt({ hash });
    await indexToHead(indexerConfig(t.db, chain, 100));
    const rows = await t.db.select().from(batches).where(eq(batches.batchCode, input.batch_code));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      tokenId: "1",
      status: "active",
      quantityKg: "1380.250",
      onchainQuantity: "1380250",
      mintTxHash: hash,
      pricePerKg: "8.40",
    });
  });

  it("will not turn a minted batch back into a draft", async () => {
    await expect(saveDraft(t.db, 31337, input, system)).rejects.toThrow(ApiError);
    await expect(saveDraft(t.db, 31337, input, system)).rejects.toThrow(/already minted/);
  });
});
