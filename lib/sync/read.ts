// Reads many batches in few RPC calls: Multicall3's aggregate3 over the token's getBatch, a page of
// ids per eth_call, all at one block. Never one call per batch per field.
import {
  BaseError,
  ContractFunctionRevertedError,
  type Address,
  type ContractFunctionReturnType,
  type PublicClient,
} from "viem";

import { batchTokenAbi } from "@/lib/chain/abi";

/** Without `multicall`, each batch is its own call (a chain without Multicall3, and the bench's baseline). */
export type SyncChain = { client: PublicClient; chainId: number; address: Address; multicall?: Address };

/** The contract's batch, as getBatch answers. */
export type ChainBatch = ContractFunctionReturnType<typeof batchTokenAbi, "view", "getBatch">;

/** getBatch calls per eth_call: a page's answer stays well under the node's gas cap and viem's 10 MB. */
export const callsPerRead = 200;

/** The call itself reverted (not the RPC failing): its revert, decoded when the ABI knows it. */
const revertOf = (error: Error | undefined) =>
  error instanceof BaseError
    ? (error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null)
    : null;
const isUnknownBatch = (error: Error | undefined) => revertOf(error)?.data?.errorName === "UnknownBatch";

/** One eth_call per batch, eight at a time. */
async function readOneByOne(chain: SyncChain, tokenIds: bigint[], blockNumber: bigint): Promise<(ChainBatch | null)[]> {
  const out: (ChainBatch | null)[] = new Array(tokenIds.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tokenIds.length; i = next++) {
      out[i] = await chain.client
        .readContract({
          address: chain.address,
          abi: batchTokenAbi,
          functionName: "getBatch",
          args: [tokenIds[i]],
          blockNumber,
        })
        .catch((error: Error) => (isUnknownBatch(error) ? null : Promise.reject(error)));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

/**
 * The batches with these ids at `blockNumber`, in order: null where the token does not exist, the
 * error where one batch's read failed inside a Multicall3 call. An RPC that fails throws.
 */
export async function readBatches(
  chain: SyncChain,
  tokenIds: bigint[],
  blockNumber: bigint,
): Promise<(ChainBatch | null | Error)[]> {
  if (!chain.multicall) return readOneByOne(chain, tokenIds, blockNumber);
  const out: (ChainBatch | null | Error)[] = [];
  for (let i = 0; i < tokenIds.length; i += callsPerRead) {
    const page = tokenIds.slice(i, i + callsPerRead);
    const results = await chain.client.multicall({
      contracts: page.map(
        (id) => ({ address: chain.address, abi: batchTokenAbi, functionName: "getBatch", args: [id] }) as const,
      ),
      multicallAddress: chain.multicall,
      blockNumber,
      allowFailure: true,
      batchSize: 0,
    });
    for (const r of results) {
      if (r.status === "success") out.push(r.result);
      else if (isUnknownBatch(r.error)) out.push(null);
      // One batch's call reverted: that batch's failure. Anything else is the RPC's: the run pauses.
      else if (revertOf(r.error)) out.push(r.error);
      else throw r.error;
    }
  }
  return out;
}

/** How many batches the token holds at `blockNumber` (ids run from 1 to it). */
export function readBatchCount(chain: SyncChain, blockNumber: bigint): Promise<bigint> {
  return chain.client.readContract({
    address: chain.address,
    abi: batchTokenAbi,
    functionName: "batchCount",
    blockNumber,
  });
}
