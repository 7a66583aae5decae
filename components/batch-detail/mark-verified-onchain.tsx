"use client";

// Asks the connected wallet to call markVerified(tokenId); the contract allows only its verifier role.
import type { Address } from "viem";

import { batchTokenAbi } from "@/lib/chain/abi";

import { WalletAction } from "./wallet-action";

export function MarkVerifiedOnchain({
  chainId,
  batchTokenAddress,
  batchId,
  tokenId,
}: {
  chainId: number;
  batchTokenAddress: Address;
  batchId: number;
  tokenId: string;
}) {
  return (
    <WalletAction
      chainId={chainId}
      track={{ batchId, kind: "mark_verified" }}
      contract={batchTokenAddress}
      contractName="the batch token"
      abi={batchTokenAbi}
      functionName="markVerified"
      args={[BigInt(tokenId)]}
      intro="Verified off chain but not yet on chain. A wallet with the verifier role can record it on the contract."
      label="Mark verified on chain"
      done={(hash) => `Marked verified on chain in ${hash}; the page updates once the event is indexed.`}
    />
  );
}
