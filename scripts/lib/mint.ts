// Mints batches through the batch token contract, as the wallet holders would.
import {
  createTestClient,
  createWalletClient,
  http,
  parseEventLogs,
  type Account,
  type Address,
  type PublicClient,
} from "viem";

import { encodeMetadata } from "../../lib/batches/metadata";
import { batchTokenAbi } from "../../lib/chain/abi";
import { dateToUnix, kgToGrams, usdToCents } from "../../lib/chain/units";
import type { DemoBatch } from "./demo-batches";
import type { demoHistory } from "./demo-history";

type Target = { client: PublicClient; rpcUrl: string; address: Address };

function walletFor(t: Target, account: Account) {
  return createWalletClient({ account, chain: t.client.chain, transport: http(t.rpcUrl) });
}

/** Creates the batch and mints its whole quantity to the producer; returns the token id. */
export async function mintBatch(
  t: Target,
  producer: Account,
  b: Pick<DemoBatch, "metadata" | "quantityKg" | "pricePerKg" | "productionDate" | "expiryDate">,
) {
  const meta = encodeMetadata(b.metadata);
  const hash = await walletFor(t, producer).writeContract({
    address: t.address,
    abi: batchTokenAbi,
    chain: t.client.chain,
    functionName: "createBatch",
    args: [
      producer.address,
      kgToGrams(b.quantityKg),
      dateToUnix(b.productionDate),
      dateToUnix(b.expiryDate),
      usdToCents(b.pricePerKg),
      meta.hash,
      meta.uri,
    ],
  });
  const receipt = await t.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`createBatch reverted: ${hash}`);
  const [created] = parseEventLogs({ abi: batchTokenAbi, eventName: "BatchCreated", logs: receipt.logs });
  return { tokenId: created.args.batchId, hash };
}

/** Mints every demo batch, then moves each to its state with the operator's and holders' own calls. */
export async function mintDemoBatches(
  t: Target,
  operator: Account,
  producers: Account[],
  list: DemoBatch[],
  log = (_: string) => {},
) {
  const operatorWallet = walletFor(t, operator);
  for (const [i, b] of list.entries()) {
    const producer = producers[i % producers.length];
    const { tokenId } = await mintBatch(t, producer, b);
    const send = async (hash: Promise<`0x${string}`>) => {
      const r = await t.client.waitForTransactionReceipt({ hash: await hash });
      if (r.status !== "success") throw new Error(`demo transaction reverted for ${b.metadata.batch_code}`);
    };
    const common = { address: t.address, abi: batchTokenAbi, chain: t.client.chain } as const;
    if (b.state === "verified" || b.state === "redeemed")
      await send(operatorWallet.writeContract({ ...common, functionName: "markVerified", args: [tokenId] }));
    if (b.state === "expired")
      await send(operatorWallet.writeContract({ ...common, functionName: "markExpired", args: [tokenId] }));
    if (b.state === "redeemed")
      await send(
        walletFor(t, producer).writeContract({
          ...common,
          functionName: "redeem",
          args: [tokenId, kgToGrams(b.quantityKg)],
        }),
      );
    if ((i + 1) % 50 === 0) log(`minted ${i + 1} of ${list.length} demo batches`);
  }
}

/**
 * Mints the demo's history on a local anvil in time order: before each transaction the chain's
 * clock is set to the moment it happened (never back: a block is always later than the last), and
 * at the end to the wall clock, so the chain's head is now. Batches below `from` exist already
 * (an interrupted run resumes): their events are skipped. Who mints and who buys is the history's plan;
 * `producers` are the wallets it numbers.
 */
export async function mintDemoHistory(
  t: Target,
  operator: Account,
  producers: Account[],
  history: ReturnType<typeof demoHistory>,
  from = 0,
  log = (_: string) => {},
) {
  const clock = createTestClient({ mode: "anvil", chain: t.client.chain, transport: http(t.rpcUrl) });
  const tokens = new Map<number, bigint>();
  const common = { address: t.address, abi: batchTokenAbi, chain: t.client.chain } as const;
  let last = (await t.client.getBlock()).timestamp;
  const at = async (time: Date) => {
    const wanted = BigInt(Math.floor(time.getTime() / 1000));
    last = wanted > last ? wanted : last + 1n;
    await clock.setNextBlockTimestamp({ timestamp: last });
  };
  const send = async (hash: `0x${string}`, code: string) => {
    const r = await t.client.waitForTransactionReceipt({ hash });
    if (r.status !== "success") throw new Error(`demo transaction reverted for ${code}`);
  };
  let minted = 0;
  for (const e of history.events) {
    if (e.index < from) continue;
    const b = history.batches[e.index];
    const producer = producers[b.producer];
    await at(e.at);
    if (e.kind === "mint") {
      tokens.set(e.index, (await mintBatch(t, producer, b)).tokenId);
      if (++minted % 50 === 0) log(`minted ${minted} of ${history.batches.length - from} demo batches`);
    } else {
      const tokenId = tokens.get(e.index)!;
      const hash =
        e.kind === "transfer"
          ? await walletFor(t, producer).writeContract({
              ...common,
              functionName: "safeTransferFrom",
              args: [producer.address, producers[b.transfer!.to].address, tokenId, kgToGrams(b.transfer!.kg), "0x"],
            })
          : e.kind === "redeem"
            ? await walletFor(t, producer).writeContract({
                ...common,
                functionName: "redeem",
                args: [tokenId, kgToGrams(b.quantityKg)],
              })
            : await walletFor(t, operator).writeContract({
                ...common,
                functionName: e.kind === "verify" ? "markVerified" : "markExpired",
                args: [tokenId],
              });
      await send(hash, b.metadata.batch_code);
    }
  }
  // Back to the wall clock (or the last block, if that is later), with a block there.
  const now = BigInt(Math.floor(Date.now() / 1000));
  await clock.setNextBlockTimestamp({ timestamp: now > last ? now : last + 1n });
  await clock.mine({ blocks: 1 });
}

/**
 * Each holder approves the shipping wallet (setApprovalForAll) once: a producer so that orders ship
 * from its stock, a buyer so that returns are taken back from its wallet.
 */
export async function consignTo(t: Target, holders: Account[], shipper: Address) {
  for (const producer of holders) {
    const common = { address: t.address, abi: batchTokenAbi } as const;
    if (await t.client.readContract({ ...common, functionName: "isApprovedForAll", args: [producer.address, shipper] }))
      continue;
    const hash = await walletFor(t, producer).writeContract({
      ...common,
      chain: t.client.chain,
      functionName: "setApprovalForAll",
      args: [shipper, true],
    });
    await t.client.waitForTransactionReceipt({ hash });
  }
}
