import { parseEventLogs, type Account, type ContractFunctionName, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { encodeMetadata } from "@/lib/batches/metadata";
import { batchTokenAbi } from "@/lib/chain/abi";
import { devAccount } from "@/lib/chain/dev-accounts";
import { codeToBytes32 } from "@/lib/chain/units";
import { role } from "@/scripts/lib/deploy";

import { deployTestToken, type TestToken } from "./helpers/chain";

let c: TestToken;
const gas: Record<string, bigint> = {};
const meta = encodeMetadata({ batch_code: "KEN-NYE-2026-0001", origin_country: "Kenya" });
const day = 86_400n;

beforeAll(async () => {
  c = await deployTestToken();
});
afterAll(() => {
  console.log("BatchToken gas used:");
  console.table(Object.fromEntries(Object.entries(gas).map(([k, v]) => [k, { gas: Number(v) }])));
});

type Fn = ContractFunctionName<typeof batchTokenAbi, "nonpayable" | "payable">;

/** A dry run of the call; it rejects with the revert reason. */
const simulate = (account: Account, functionName: string, args: readonly unknown[]) =>
  c.client.simulateContract({
    account,
    address: c.address,
    abi: batchTokenAbi,
    functionName: functionName as Fn,
    args: args as never,
  });

async function send(account: Account, functionName: string, args: readonly unknown[], label?: string) {
  const { request } = await simulate(account, functionName, args);
  const hash = await c.wallet(account).writeContract(request as never);
  const receipt = await c.client.waitForTransactionReceipt({ hash });
  if (label) gas[label] = receipt.gasUsed;
  return parseEventLogs({ abi: batchTokenAbi, logs: receipt.logs });
}

/** The dry run of a call expected to revert. */
const reverts = simulate;

async function now() {
  return (await c.client.getBlock()).timestamp;
}

async function create(opts: { to?: Hex; quantity?: bigint; production?: bigint; expiry?: bigint } = {}) {
  const t = await now();
  const events = await send(c.producer, "createBatch", [
    opts.to ?? c.producer.address,
    opts.quantity ?? 60_000n,
    opts.production ?? t - 10n * day,
    opts.expiry ?? t + 365n * day,
    735n,
    meta.hash,
    meta.uri,
  ]);
  const created = events.find((e) => e.eventName === "BatchCreated")!;
  return (created.args as { batchId: bigint }).batchId;
}

const read = (id: bigint) =>
  c.client.readContract({ address: c.address, abi: batchTokenAbi, functionName: "getBatch", args: [id] });
const producerBalance = (id: bigint) =>
  c.client.readContract({
    address: c.address,
    abi: batchTokenAbi,
    functionName: "balanceOf",
    args: [c.producer.address, id],
  });

describe("BatchToken", () => {
  it("creates a batch, mints its whole quantity to the holder and emits BatchCreated and BatchMinted", async () => {
    const t = await now();
    const events = await send(
      c.producer,
      "createBatch",
      [c.producer.address, 60_000n, t - day, t + 300n * day, 735n, meta.hash, meta.uri],
      "createBatch (mint all)",
    );
    expect(events.map((e) => e.eventName)).toEqual(["BatchCreated", "TransferSingle", "BatchMinted"]);
    const id = (events[0].args as { batchId: bigint }).batchId;
    const b = await read(id);
    expect([b.quantity, b.minted, b.pricePerKg, b.metadataHash, b.metadataUri, b.status]).toEqual([
      60_000n,
      60_000n,
      735n,
      meta.hash,
      meta.uri,
      2,
    ]);
    expect(await producerBalance(id)).toBe(60_000n);
  });

  it("mints against a declared batch in parts, never past its quantity", async () => {
    const id = await create({ to: "0x0000000000000000000000000000000000000000", quantity: 1_000n });
    expect((await read(id)).status).toBe(1);
    await send(c.producer, "mint", [id, c.producer.address, 600n], "mint");
    await expect(reverts(c.producer, "mint", [id, c.producer.address, 401n])).rejects.toThrow(/ExceedsBatchQuantity/);
    await send(c.producer, "mint", [id, c.producer.address, 400n]);
    expect((await read(id)).minted).toBe(1_000n);
  });

  it("refuses a zero quantity and an expiry not after production", async () => {
    const t = await now();
    await expect(
      reverts(c.producer, "createBatch", [c.producer.address, 0n, t, t + day, 1n, meta.hash, meta.uri]),
    ).rejects.toThrow(/InvalidQuantity/);
    await expect(
      reverts(c.producer, "createBatch", [c.producer.address, 5n, t, t, 1n, meta.hash, meta.uri]),
    ).rejects.toThrow(/InvalidDates/);
  });

  it("lets only the right role call each function", async () => {
    const id = await create();
    const t = await now();
    await expect(
      reverts(c.stranger, "createBatch", [c.stranger.address, 5n, t, t + day, 1n, meta.hash, meta.uri]),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/);
    await expect(reverts(c.stranger, "mint", [id, c.stranger.address, 1n])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
    await expect(reverts(c.stranger, "markVerified", [id])).rejects.toThrow(/MissingRole/);
    await expect(reverts(c.producer, "markExpired", [id])).rejects.toThrow(/MissingRole/);
    await expect(reverts(c.stranger, "adjustInventory", [id, 1n, "count"])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
    await expect(reverts(c.stranger, "updateMetadata", [id, meta.hash, meta.uri])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
  });

  it("lets each role do exactly its own work", async () => {
    const [verifier, oracle, manager] = [devAccount(6), devAccount(7), devAccount(8)];
    for (const [name, account] of [
      ["VERIFIER_ROLE", verifier],
      ["ORACLE_ROLE", oracle],
      ["INVENTORY_MANAGER_ROLE", manager],
    ] as const) {
      await send(c.admin, "grantRole", [role(name), account.address]);
    }
    const t = await now();
    const [a, b] = [await create(), await create()];
    const expired = await create({
      to: "0x0000000000000000000000000000000000000000",
      production: t - 400n * day,
      expiry: t - day,
    });
    const other = await create({
      to: "0x0000000000000000000000000000000000000000",
      production: t - 400n * day,
      expiry: t - day,
    });

    await send(verifier, "markVerified", [a]);
    await send(oracle, "markVerified", [b]);
    await expect(reverts(manager, "markVerified", [a])).rejects.toThrow(/MissingRole/);
    await send(manager, "markExpired", [expired]);
    await send(oracle, "markExpired", [other]);
    await expect(reverts(verifier, "markExpired", [other])).rejects.toThrow(/MissingRole/);
    await send(manager, "adjustInventory", [a, 70_000n, "recount"]);
    await expect(reverts(oracle, "adjustInventory", [a, 80_000n, "recount"])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
    await expect(reverts(verifier, "updateMetadata", [a, meta.hash, meta.uri])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
    await expect(
      reverts(manager, "createBatch", [manager.address, 5n, t, t + day, 1n, meta.hash, meta.uri]),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/);
    await expect(reverts(c.producer, "grantRole", [role("MINTER_ROLE"), c.stranger.address])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
  });

  it("moves tokens as ERC-1155 promises, tracks supply, and grants and revokes roles with events", async () => {
    const id = await create({ quantity: 3_000n });
    const holder = c.stranger.address;
    const moved = await send(
      c.producer,
      "safeTransferFrom",
      [c.producer.address, holder, id, 1_000n, "0x"],
      "safeTransferFrom",
    );
    expect(moved[0]).toMatchObject({
      eventName: "TransferSingle",
      args: { from: c.producer.address, to: holder, id, value: 1_000n },
    });
    const read1155 = (functionName: "totalSupply" | "balanceOf", args: readonly unknown[]) =>
      c.client.readContract({ address: c.address, abi: batchTokenAbi, functionName, args } as never) as Promise<bigint>;
    expect([await read1155("balanceOf", [holder, id]), await read1155("totalSupply", [id])]).toEqual([1_000n, 3_000n]);
    await send(c.stranger, "setApprovalForAll", [c.producer.address, true]);
    await send(c.producer, "safeTransferFrom", [holder, c.producer.address, id, 400n, "0x"]);
    expect(await read1155("balanceOf", [holder, id])).toBe(600n);

    const granted = await send(c.admin, "grantRole", [role("MINTER_ROLE"), holder]);
    expect(granted[0].eventName).toBe("RoleGranted");
    const revoked = await send(c.admin, "revokeRole", [role("MINTER_ROLE"), holder]);
    expect(revoked[0].eventName).toBe("RoleRevoked");
    const t = await now();
    await expect(reverts(c.stranger, "createBatch", [holder, 5n, t, t + day, 1n, meta.hash, meta.uri])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
  });

  it("reports the ERC-1155 and AccessControl interfaces", async () => {
    const supports = (id: `0x${string}`) =>
      c.client.readContract({ address: c.address, abi: batchTokenAbi, functionName: "supportsInterface", args: [id] });
    expect([await supports("0xd9b67a26"), await supports("0x7965db0b"), await supports("0xffffffff")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("marks a batch verified, with the time, through the verifier role", async () => {
    const id = await create();
    const events = await send(c.admin, "markVerified", [id], "markVerified");
    expect(events[0].eventName).toBe("BatchVerified");
    const b = await read(id);
    expect([b.verified, b.status, b.lastVerifiedAt > 0n]).toEqual([true, 3, true]);
  });

  it("expires a batch only after its expiry date, and then refuses to mint or verify it", async () => {
    const t = await now();
    const fresh = await create();
    await expect(reverts(c.admin, "markExpired", [fresh])).rejects.toThrow(/NotExpired/);
    const old = await create({
      to: "0x0000000000000000000000000000000000000000",
      production: t - 400n * day,
      expiry: t - day,
    });
    const events = await send(c.admin, "markExpired", [old], "markExpired");
    expect(events[0].eventName).toBe("BatchExpired");
    await expect(reverts(c.producer, "mint", [old, c.producer.address, 1n])).rejects.toThrow(/InvalidStatus/);
    await expect(reverts(c.admin, "markVerified", [old])).rejects.toThrow(/InvalidStatus/);
    await expect(reverts(c.admin, "markExpired", [old])).rejects.toThrow(/InvalidStatus/);
  });

  it("adjusts inventory, but never below what was minted", async () => {
    const id = await create({ quantity: 5_000n });
    await expect(reverts(c.admin, "adjustInventory", [id, 4_999n, "recount"])).rejects.toThrow(/QuantityBelowMinted/);
    const events = await send(c.admin, "adjustInventory", [id, 5_500n, "found two sacks"], "adjustInventory");
    expect(events[0].args).toMatchObject({ oldQuantity: 5_000n, newQuantity: 5_500n, reason: "found two sacks" });
  });

  it("updates metadata and emits the new hash and URI", async () => {
    const id = await create();
    const next = encodeMetadata({ batch_code: "KEN-NYE-2026-0001", origin_country: "Kenya", region: "Nyeri" });
    const events = await send(c.admin, "updateMetadata", [id, next.hash, next.uri], "updateMetadata");
    expect(events[0].args).toMatchObject({ metadataHash: next.hash, metadataUri: next.uri });
  });

  it("redeems by burning the holder's tokens; all of it redeemed means redeemed", async () => {
    const id = await create({ quantity: 2_000n });
    const redeemed = await send(c.producer, "redeem", [id, 500n], "redeem");
    expect(redeemed.map((e) => e.eventName)).toEqual(["TransferSingle", "BatchRedeemed"]);
    expect(redeemed[1].args).toMatchObject({ batchId: id, holder: c.producer.address, amount: 500n, redeemed: 500n });
    expect((await read(id)).status).toBe(2);
    await expect(reverts(c.stranger, "redeem", [id, 1n])).rejects.toThrow(/ERC1155InsufficientBalance/);
    await send(c.producer, "redeem", [id, 1_500n]);
    expect((await read(id)).status).toBe(5);
  });

  it("records a warehouse move by the holder or an inventory manager, never more than held, never to the same warehouse", async () => {
    const id = await create({ quantity: 5_000n });
    const [a, b] = [codeToBytes32("WH-A"), codeToBytes32("WH-B")];
    const events = await send(c.producer, "moveStock", [id, c.producer.address, 2_000n, a, b], "moveStock");
    expect(events.map((e) => [e.eventName, e.args])).toEqual([
      [
        "StockMoved",
        {
          batchId: id,
          holder: c.producer.address,
          amount: 2_000n,
          fromWarehouse: a,
          toWarehouse: b,
          actor: c.producer.address,
        },
      ],
    ]);
    await send(c.admin, "moveStock", [id, c.producer.address, 5_000n, b, a]);
    await expect(reverts(c.stranger, "moveStock", [id, c.producer.address, 1n, a, b])).rejects.toThrow(/MissingRole/);
    await expect(reverts(c.producer, "moveStock", [id, c.producer.address, 5_001n, a, b])).rejects.toThrow(
      /ERC1155InsufficientBalance/,
    );
    await expect(reverts(c.producer, "moveStock", [id, c.producer.address, 1n, a, a])).rejects.toThrow(/SameWarehouse/);
    await expect(reverts(c.producer, "moveStock", [id, c.producer.address, 0n, a, b])).rejects.toThrow(
      /InvalidQuantity/,
    );
    await expect(reverts(c.producer, "moveStock", [999_999n, c.producer.address, 1n, a, b])).rejects.toThrow(
      /UnknownBatch/,
    );
    expect(await producerBalance(id)).toBe(5_000n);
  });

  it("adjusts a holder's stock up and down with a reason, through the inventory manager, changing the batch's quantity with it", async () => {
    const id = await create({ quantity: 5_000n });
    const [wh, damage] = [codeToBytes32("WH-A"), codeToBytes32("damage")];
    const down = await send(
      c.admin,
      "adjustStock",
      [id, c.producer.address, -1_500n, wh, damage],
      "adjustStock (write-off)",
    );
    expect(down.map((e) => e.eventName)).toEqual(["TransferSingle", "InventoryAdjusted", "StockAdjusted"]);
    expect(down[2].args).toEqual({
      batchId: id,
      holder: c.producer.address,
      delta: -1_500n,
      warehouse: wh,
      reason: damage,
      actor: c.admin.address,
    });
    await send(
      c.admin,
      "adjustStock",
      [id, c.producer.address, 500n, wh, codeToBytes32("count_correction")],
      "adjustStock (count up)",
    );
    expect([(await read(id)).quantity, (await read(id)).minted]).toEqual([4_000n, 4_000n]);
    expect(await producerBalance(id)).toBe(4_000n);
    await expect(reverts(c.producer, "adjustStock", [id, c.producer.address, -1n, wh, damage])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
    await expect(reverts(c.admin, "adjustStock", [id, c.producer.address, -1n, wh, codeToBytes32("")])).rejects.toThrow(
      /MissingReason/,
    );
    await expect(reverts(c.admin, "adjustStock", [id, c.producer.address, 0n, wh, damage])).rejects.toThrow(
      /InvalidQuantity/,
    );
    await expect(reverts(c.admin, "adjustStock", [id, c.stranger.address, -1n, wh, damage])).rejects.toThrow(
      /ERC1155InsufficientBalance/,
    );
    // Writing off all of a batch is not an adjustment: it would leave a batch of nothing.
    await expect(reverts(c.admin, "adjustStock", [id, c.producer.address, -4_000n, wh, damage])).rejects.toThrow(
      /InvalidQuantity/,
    );
  });

  it("reports unknown batches with UnknownBatch, and reads many batches in one call", async () => {
    await expect(read(999_999n)).rejects.toThrow(/UnknownBatch/);
    const count = await c.client.readContract({ address: c.address, abi: batchTokenAbi, functionName: "batchCount" });
    const many = await c.client.readContract({
      address: c.address,
      abi: batchTokenAbi,
      functionName: "getBatches",
      args: [[1n, count, 999_999n]],
    });
    expect(many.map((b) => b.status > 0)).toEqual([true, true, false]);
  });
});
