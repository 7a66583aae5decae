"use client";

// One contract call from the connected wallet, for a wallet holding the contract's verifier role:
// connect, right network, the role, send, wait for the receipt, and say what happened.
import { useRouter } from "next/navigation";
import { keccak256, stringToBytes, type Abi, type Address } from "viem";
import { useConfig, useConnection, useReadContract, useWriteContract } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { toast } from "@/components/ui/toast";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { describeError } from "@/components/wallet/describe";
import { recordTransactionAction } from "@/lib/actions/record-transaction";
import { batchChecksAbi, batchTokenAbi } from "@/lib/chain/abi";

const VERIFIER_ROLE = keccak256(stringToBytes("VERIFIER_ROLE"));

/** A verifier's call about one minted batch: the chain, the batch and its token, the contract called. */
export type BatchCall = { chainId: number; batchId: number; tokenId: string; contract: Address };

type Kind = "mark_verified" | "chainlink_check";
/** What each kind of call asks of which contract (named in the role message), with the token id first. */
const calls: Record<Kind, { contractName: string; abi: Abi; functionName: string }> = {
  mark_verified: { contractName: "the batch token", abi: batchTokenAbi, functionName: "markVerified" },
  chainlink_check: { contractName: "the Chainlink consumer", abi: batchChecksAbi, functionName: "requestCheck" },
};

type Props = {
  call: BatchCall;
  /** What the transaction is, for the sync service to follow it. */
  kind: Kind;
  /** The call's arguments after the token id. */
  args?: readonly unknown[];
  intro: string;
  label: string;
  done: (hash: string) => string;
  children?: React.ReactNode;
};

export function WalletAction({ call, kind, args = [], intro, label, done, children }: Props) {
  const { chainId, contract } = call;
  const { contractName, abi, functionName } = calls[kind];
  const router = useRouter();
  const config = useConfig();
  const { address, chainId: walletChainId, isConnected } = useConnection();
  const { writeContractAsync, isPending } = useWriteContract();
  const verifier = useReadContract({
    address: contract,
    abi: [
      {
        type: "function",
        name: "hasRole",
        stateMutability: "view",
        inputs: [{ type: "bytes32" }, { type: "address" }],
        outputs: [{ type: "bool" }],
      },
    ] as const,
    functionName: "hasRole",
    args: [VERIFIER_ROLE, address!],
    chainId,
    query: { enabled: !!address },
  });
  const isWrongNetwork = isConnected && walletChainId !== chainId;
  const isVerifier = verifier.data === true;

  async function send() {
    try {
      const hash = await writeContractAsync({
        address: contract,
        abi,
        chainId,
        functionName,
        args: [BigInt(call.tokenId), ...args],
      });
      // Best effort: a transaction not recorded is still indexed from its events.
      void recordTransactionAction({ tx_hash: hash, kind, batch_id: call.batchId }).catch(() => {});
      const receipt = await waitForTransactionReceipt(config, { hash, chainId });
      if (receipt.status === "success") toast.success(done(hash));
      else toast.error("The transaction reverted on chain; nothing changed.");
      router.refresh();
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  return (
    <div className="flex flex-col gap-2 rounded-md border border-dashed border-stone-300 p-3 dark:border-stone-700">
      <p className="text-sm">{intro}</p>
      <ConnectWallet />
      {isWrongNetwork && (
        <Notice tone="amber">
          Your wallet is on chain {walletChainId}; {contractName} is on chain {chainId}.
        </Notice>
      )}
      {isConnected && !isWrongNetwork && verifier.isSuccess && !isVerifier && (
        <Notice>
          This wallet does not have the verifier role on {contractName}. Ask an admin to grant it the verifier role.
        </Notice>
      )}
      {verifier.isError && <Notice>The chain could not be read: {describeError(verifier.error)}</Notice>}
      <div className="flex flex-wrap items-end gap-2">
        {children}
        <Button disabled={!isConnected || isWrongNetwork || !isVerifier || isPending} onClick={send}>
          {label}
        </Button>
      </div>
    </div>
  );
}
