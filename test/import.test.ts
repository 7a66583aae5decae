import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importBatch } from "@/lib/batches/import";
import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { auditRecords, batches, importLogs } from "@/lib/db/schema";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";

const system = { kind: "system" as const, id: "test" };

let t: TestDb;
let chain: TestToken;
let source: ReturnType<typeof importChain>;
const importChain = (c: typeof chain) => ({ client: c.client, chainId: 31337, address: c.address });
const [demo] = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 11);

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  source = importChain(chain);
});
afterAll(() => t.drop());

describe("importBatch", () => {
  it("creates the batch from the chain, then refreshes it without duplicating", async () => {
    const { tokenId } = await mintBatch(chain.target, chain.producer, demo);
    const first = await importBatch(t.db, source, tokenId, system);
    expect(first.isNew).toBe(true);
    const second = await importBatch(t.db, source, tokenId, system);
    expect(second).toMatchObject({ batchId: first.batchId, isNew: false });
    const audited = await t.db
      .select()
      .from(auditRecords)
      .where(eq(auditRecords.batchId, first.batchId))
      .orderBy(auditRecords.position);
    expect(audited.map((a) => [a.action, a.actorKind, a.actorId])).toEqual([
      ["batch.imported", "system", "test"],
      ["batch.refreshed", "system", "test"],
    ]);

    const rows = await t.db.select().from(batches).where(eq(batches.tokenId, tokenId.toString()));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      batchCode: demo.metadata.batch_code,
      quantityKg: demo.quantityKg,
      pricePerKg: demo.pricePerKg,
      status: "active",
    });
    const logs = await t.db.select().from(importLogs).where(eq(importLogs.tokenId, tokenId.toString()));
    expect(logs.map((l) => l.action)).toEqual(["created", "refreshed"]);
  });

  it("takes the chain's verified state", async () => {
    const { tokenId } = await mintBatch(chain.target, chain.producer, {
      ...demo,
      metadata: { ...demo.metadata, batch_code: "IMPORT-VERIFIED-1" },
    });
    const hash = await chain.wallet(chain.admin).writeContract({
      address: chain.address,
      abi: batchTokenAbi,
      chain: chain.client.chain,
      functionName: "markVerified",
      args: [tokenId],
    });
    await chain.client.waitForTransactionReceipt({ hash });
    await importBatch(t.db, source, tokenId, system);
    const [row] = await t.db.select().from(batches).where(eq(batches.tokenId, tokenId.toString()));
    expect([row.status, row.verificationStatus]).toEqual(["verified", "verified"]);
  });

  it("answers not_found for an id the chain does not have, and writes nothing", async () => {
    const before = await t.db.$count(batches);
    await expect(importBatch(t.db, source, 987_654n, system)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/does not exist on chain/),
    });
    expect(await t.db.$count(batches)).toBe(before);
  });

  it("answers chain_unreachable when the RPC is down", async () => {
    const down = { ...source, client: createChainClient("http://127.0.0.1:9", 31337) };
    await expect(importBatch(t.db, down, 1n, system)).rejects.toMatchObject({ code: "chain_unreachable" });
  });
});
