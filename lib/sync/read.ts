// Reads many batches in few RPC calls: Multicall3's aggregate3 over the token's getBatch, a page of
// ids per eth_call, all at one block. Never one call per batch per field.
import { BaseError, ContractFunctionRevertedError, type Address, type PublicClient } from "viem";
import { batchTokenAbi } from "@/lib/chain/abi";

export type SyncChain = { client: PublicClient; chainId: number; address: Address; multicall: Address };

/** The contract's batch, as getBatch answers; null where the token does not exist. */
export type ChainBatch = NonNullable<Awaited<ReturnType<typeof readBatches>>[number]>;

/** getBatch calls per eth_call: a page's answer stays well under the node's gas cap and viem's 10 MB. */
export const callsPerRead = 200;

const isUnknownBatch = (error: Error | undefined) =>
  error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError && e.data?.errorName === "UnknownBatch") !== null;

/** The batches with these ids at `blockNumber`, in order; a read that fails for another reason throws. */
export async function readBatches(chain: SyncChain, tokenIds: bigint[], blockNumber: bigint) {
  const out = [];
  for (let i = 0; i < tokenIds.length; i += callsPerRead) {
    const page = tokenIds.slice(i, i + callsPerRead);
    const results = await chain.client.multicall({
      contracts: page.map((id) => ({ address: chain.address, abi: batchTokenAbi, functionName: "getBatch", args: [id] }) as const),
      multicallAddress: chain.multicall,
      blockNumber,
      allowFailure: true,
      batchSize: 0,
    });
    for (const r of results) {
      if (r.status === "success") out.push(r.result);
      else if (isUnknownBatch(r.error)) out.push(null);
      else throw r.error;
    }
  }
  return out;
}

/** How many batches the token holds at `blockNumber` (ids run from 1 to it). */
export function readBatchCount(chain: SyncChain, blockNumber: bigint): Promise<bigint> {
  return chain.client.readContract({ address: chain.address, abi: batchTokenAbi, functionName: "batchCount", blockNumber });
}
