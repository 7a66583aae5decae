// generateEvents: many events fast, counted exactly, every transaction mined and the chain left automining.
import { parseEventLogs } from "viem";
import { describe, expect, it } from "vitest";

import { batchTokenAbi } from "@/lib/chain/abi";
import { devAccount } from "@/lib/chain/dev-accounts";
import { generateEvents } from "@/scripts/lib/bulk-events";

import { deployTestToken, type TestToken } from "./helpers/chain";

const isAutomining = (t: TestToken) => t.client.request({ method: "anvil_getAutomine" } as never) as Promise<boolean>;

describe("generateEvents", () => {
  it("emits at least the asked events, counts them exactly and mines every transaction successfully", async () => {
    const t = await deployTestToken();
    const result = await generateEvents({ ...t.target, admin: t.admin, producers: [t.producer] }, 600);

    const logs = await t.client.getLogs({ address: t.address, fromBlock: result.fromBlock, toBlock: result.toBlock });
    expect(result.events).toBeGreaterThanOrEqual(600);
    expect(logs).toHaveLength(result.events);

    const blocks = await Promise.all(
      Array.from({ length: Number(result.toBlock - result.fromBlock) + 1 }, (_, i) =>
        t.client.getBlock({ blockNumber: result.fromBlock + BigInt(i) }),
      ),
    );
    const receipts = await Promise.all(
      blocks.flatMap((b) => b.transactions).map((hash) => t.client.getTransactionReceipt({ hash })),
    );
    expect(receipts).toHaveLength(result.transactions);
    expect(receipts.filter((r) => r.status !== "success")).toEqual([]);

    const names = new Set(parseEventLogs({ abi: batchTokenAbi, logs }).map((l) => l.eventName));
    expect([...names].sort()).toEqual([
      "BatchCreated",
      "BatchExpired",
      "BatchMinted",
      "BatchRedeemed",
      "BatchVerified",
      "InventoryAdjusted",
      "TransferSingle",
    ]);
    const created = parseEventLogs({ abi: batchTokenAbi, eventName: "BatchCreated", logs });
    expect(await t.client.readContract({ address: t.address, abi: batchTokenAbi, functionName: "batchCount" })).toBe(
      BigInt(created.length),
    );
  });

  it("leaves automine on afterwards, so a plain transaction gets its receipt", async () => {
    const t = await deployTestToken();
    await generateEvents({ ...t.target, admin: t.admin, producers: [t.producer] }, 50);

    expect(await isAutomining(t)).toBe(true);
    const hash = await t.wallet(t.admin).sendTransaction({ chain: t.client.chain, to: t.stranger.address, value: 1n });
    const receipt = await t.client.waitForTransactionReceipt({ hash, timeout: 5_000 });
    expect(receipt.status).toBe("success");
  });

  it("throws on a reverted transaction, drops the rest and still restores automine", async () => {
    const t = await deployTestToken();
    // Gas is estimated on the producer's longest call, so the other account's creates fail only once mined.
    const withoutMinterRole = devAccount(6);
    await expect(
      generateEvents({ ...t.target, admin: t.admin, producers: [withoutMinterRole, t.producer] }, 30),
    ).rejects.toThrow(/bulk createBatch reverted/);

    expect(await isAutomining(t)).toBe(true);
    expect(await t.client.request({ method: "txpool_status" } as never)).toEqual({ pending: "0x0", queued: "0x0" });
    const hash = await t.wallet(t.admin).sendTransaction({ chain: t.client.chain, to: t.stranger.address, value: 1n });
    expect((await t.client.waitForTransactionReceipt({ hash, timeout: 5_000 })).status).toBe("success");
  });
});
