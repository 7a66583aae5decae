// Mints batches through the batch token contract, as the wallet holders would.
import { createWalletClient, http, parseEventLogs, type Account, type Address, type PublicClient } from "viem";

import { encodeMetadata } from "../../lib/batches/metadata";
import { batchTokenAbi } from "../../lib/chain/abi";
import { dateToUnix, kgToGrams, usdToCents } from "../../lib/chain/units";
import type { DemoBatch } from "./demo-batches";

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
