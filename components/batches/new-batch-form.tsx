"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { BaseError, keccak256, stringToBytes, type Address, type Hex } from "viem";
import { useConfig, useConnection, useReadContract, useSwitchChain, useWriteContract } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";
import { recordMintTransactionAction } from "@/lib/actions/record-mint-transaction";
import { saveDraftAction } from "@/lib/actions/save-draft";
import { ZNewBatch } from "@/lib/batches/schemas";
import { batchTokenAbi } from "@/lib/chain/abi";
import { getBatch } from "@/lib/endpoints/batches";
import { attempt } from "@/lib/endpoints/client";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { BatchFields, type BatchFormValues } from "./batch-fields";
import { MintProgress, type Step } from "./mint-progress";

const MINTER_ROLE = keccak256(stringToBytes("MINTER_ROLE"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describe(error: unknown): string {
  return error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
}

/** Waits until the worker has indexed the mint and the draft has its token. */
async function waitForIndexing(id: number) {
  for (;;) {
    const r = await attempt(getBatch, { params: { batch_id: id } });
    if (r.ok && r.data.token_id !== null) return;
    await sleep(500);
  }
}

export function NewBatchForm({ chainId, batchTokenAddress }: { chainId: number; batchTokenAddress: Address }) {
  const router = useRouter();
  const config = useConfig();
  const { address, chainId: walletChainId, isConnected } = useConnection();
  const { switchChainAsync } = useSwitchChain();
  const { writeContractAsync } = useWriteContract();
  const minter = useReadContract({ address: batchTokenAddress, abi: batchTokenAbi, functionName: "hasRole", args: [MINTER_ROLE, address!], chainId, query: { enabled: !!address } });
  const form = useForm<BatchFormValues>({ resolver: zodResolver(ZNewBatch) as never, mode: "onTouched" });
  const [step, setStep] = useState<Step>("idle");
  const [txHash, setTxHash] = useState<Hex | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const isWrongNetwork = isConnected && walletChainId !== chainId;
  const isMinter = minter.data === true;
  const isBusy = step !== "idle";

  async function onSubmit(values: BatchFormValues) {
    if (!address) return;
    setMessage(null);
    setStep("saving");
    const saved = await saveDraftAction(values);
    if (!saved.ok) {
      for (const [name, text] of Object.entries(saved.error.fields)) form.setError(name, { message: text });
      setMessage(saved.error.message);
      return setStep("idle");
    }
    const { id, args } = saved.data;
    setStep("signing");
    let hash: Hex;
    try {
      const [quantity, production, expiry, price, metadataHash, metadataUri] = args;
      hash = await writeContractAsync({ address: batchTokenAddress, abi: batchTokenAbi, chainId, functionName: "createBatch", args: [address, BigInt(quantity), BigInt(production), BigInt(expiry), BigInt(price), metadataHash as Hex, metadataUri] });
    } catch (error) {
      setMessage(`${describe(error)} Nothing was sent; your draft is saved, so you can submit again.`);
      return setStep("idle");
    }
    setTxHash(hash);
    setStep("submitted");
    await recordMintTransactionAction({ id, tx_hash: hash });
    const receipt = await waitForTransactionReceipt(config, { hash, chainId });
    if (receipt.status !== "success") {
      setMessage("The transaction reverted on chain. Your draft is kept; check the facts and submit again.");
      return setStep("idle");
    }
    setStep("mined");
    await waitForIndexing(id);
    setStep("indexed");
    router.push(`/batches/${id}`);
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="flex flex-col gap-6">
      <section className="flex flex-col gap-2 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
        <h2 className="text-sm font-semibold">Wallet</h2>
        <ConnectWallet />
        {isWrongNetwork && (
          <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">
            Your wallet is on chain {walletChainId}; batches are minted on chain {chainId}.{" "}
            <button type="button" className="underline" onClick={() => switchChainAsync({ chainId }).catch((e) => setMessage(describe(e)))}>
              Switch network
            </button>
          </p>
        )}
        {isConnected && !isWrongNetwork && minter.isSuccess && !isMinter && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-200">
            This wallet does not have the minter role on the batch token, so it cannot mint batches. Ask an admin to grant it the minter role.
          </p>
        )}
        {minter.isError && <p role="alert" className="text-sm text-red-800 dark:text-red-200">The chain could not be read: {describe(minter.error)}</p>}
      </section>

      <BatchFields register={form.register} errors={form.formState.errors} />

      <div className="flex items-center gap-4">
        <button type="submit" disabled={!isConnected || isWrongNetwork || !isMinter || isBusy} className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-40 dark:bg-stone-100 dark:text-stone-900">
          Mint batch
        </button>
        {!isConnected && <span className="text-sm text-stone-500">Connect a wallet with the minter role to mint.</span>}
      </div>

      <div aria-live="polite">
        {message && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {message}
          </p>
        )}
        {step !== "idle" && <MintProgress step={step} txHash={txHash} />}
      </div>
    </form>
  );
}
