"use client";
// Asks the connected wallet to call markVerified(tokenId); the contract allows only its verifier role.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BaseError, keccak256, stringToBytes, type Address } from "viem";
import { useConfig, useConnection, useReadContract, useWriteContract } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { batchTokenAbi } from "@/lib/chain/abi";
import { buttonStyle } from "./section";

const VERIFIER_ROLE = keccak256(stringToBytes("VERIFIER_ROLE"));

const describe = (error: unknown) => (error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error));

export function MarkVerifiedOnchain({ chainId, batchTokenAddress, tokenId }: { chainId: number; batchTokenAddress: Address; tokenId: string }) {
  const router = useRouter();
  const config = useConfig();
  const { address, chainId: walletChainId, isConnected } = useConnection();
  const { writeContractAsync, isPending } = useWriteContract();
  const verifier = useReadContract({ address: batchTokenAddress, abi: batchTokenAbi, functionName: "hasRole", args: [VERIFIER_ROLE, address!], chainId, query: { enabled: !!address } });
  const [message, setMessage] = useState<string | null>(null);
  const isWrongNetwork = isConnected && walletChainId !== chainId;
  const isVerifier = verifier.data === true;

  async function mark() {
    setMessage(null);
    try {
      const hash = await writeContractAsync({ address: batchTokenAddress, abi: batchTokenAbi, chainId, functionName: "markVerified", args: [BigInt(tokenId)] });
      const receipt = await waitForTransactionReceipt(config, { hash, chainId });
      setMessage(receipt.status === "success" ? `Marked verified on chain in ${hash}; the page updates once the event is indexed.` : "The transaction reverted on chain; nothing changed.");
      router.refresh();
    } catch (error) {
      setMessage(describe(error));
    }
  }

  return (
    <div className="flex flex-col gap-2 rounded-md border border-dashed border-stone-300 p-3 dark:border-stone-700">
      <p className="text-sm">Verified off chain but not yet on chain. A wallet with the verifier role can record it on the contract.</p>
      <ConnectWallet />
      {isWrongNetwork && <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">Your wallet is on chain {walletChainId}; the batch token is on chain {chainId}.</p>}
      {isConnected && !isWrongNetwork && verifier.isSuccess && !isVerifier && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">This wallet does not have the verifier role on the batch token, so it cannot mark batches verified. Ask an admin to grant it the verifier role.</p>
      )}
      {verifier.isError && <p role="alert" className="text-sm text-red-800 dark:text-red-200">The chain could not be read: {describe(verifier.error)}</p>}
      <button type="button" className={`${buttonStyle} self-start`} disabled={!isConnected || isWrongNetwork || !isVerifier || isPending} onClick={mark}>
        Mark verified on chain
      </button>
      <p aria-live="polite" className="break-all text-sm">
        {message}
      </p>
    </div>
  );
}
