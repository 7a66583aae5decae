import { createWalletClient, http, type Account, type Address } from "viem";
import { inject } from "vitest";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import type { Db } from "@/lib/db";
import type { IndexerConfig } from "@/lib/events/indexer";
import type { DemoBatch } from "@/scripts/lib/demo-batches";
import { deployContracts } from "@/scripts/lib/deploy";
import { mintDemoBatches } from "@/scripts/lib/mint";

/** A freshly deployed batch token on the shared anvil, so no test sees another's batches. */
export async function deployTestToken() {
  const rpcUrl = inject("rpcUrl");
  const client = createChainClient(rpcUrl, 31337);
  const [admin, producer, stranger] = [devAccount(0), devAccount(1), devAccount(5)];
  const deployment = await deployContracts({ client, rpcUrl, admin, minters: [producer.address] });
  const address = deployment.batchToken.address;
  const wallet = (account: Account) => createWalletClient({ account, chain: client.chain, transport: http(rpcUrl) });
  return {
    rpcUrl,
    client,
    address: address as Address,
    anchorAddress: deployment.auditAnchor!.address,
    multicall: deployment.multicall3!.address,
    deployBlock: BigInt(deployment.batchToken.deployBlock),
    admin,
    producer,
    stranger,
    wallet,
    target: { client, rpcUrl, address },
  };
}

export type TestToken = Awaited<ReturnType<typeof deployTestToken>>;

/** Where the test token lives, as the verification and sync code takes it. */
export const tokenHandle = (chain: TestToken) => ({ client: chain.client, chainId: 31337, address: chain.address });

/** The indexer settings that mirror the test token into a test database. */
export const indexerConfig = (db: Db, chain: TestToken, blockRange: number): IndexerConfig => ({
  db,
  client: chain.client,
  chainId: 31337,
  address: chain.address,
  deployBlock: chain.deployBlock,
  blockRange,
});

/**
 * Puts the shared anvil's clock back on the wall clock. anvil_reorg and anvil_rollback leave it
 * behind by as long as the dropped blocks stood, and the files after would see chain times older
 * than the database's.
 */
export async function realignClock(chain: TestToken) {
  const latest = await chain.client.getBlock({ blockTag: "latest" });
  const now = BigInt(Math.floor(Date.now() / 1000));
  await chain.client.request({
    method: "evm_setNextBlockTimestamp" as never,
    params: [Number(now > latest.timestamp ? now : latest.timestamp + 1n)] as never,
  });
  await chain.client.request({ method: "evm_mine" as never });
}

/** Mints demo batches on the test token, all to its producer. */
export const mintToProducer = (chain: TestToken, list: DemoBatch[]) =>
  mintDemoBatches(chain.target, chain.admin, [chain.producer], list);

/** Sends `functionName(args)` to the test token from `account`; the transaction's hash. */
export const writeToken = (chain: TestToken, account: Account, functionName: string, args: unknown[]) =>
  chain.wallet(account).writeContract({
    address: chain.address,
    abi: batchTokenAbi,
    functionName,
    args,
    chain: chain.client.chain,
    account,
  } as never);
