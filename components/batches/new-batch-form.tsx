"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { keccak256, stringToBytes, type Address, type Hex } from "viem";
import { useConfig, useConnection, useReadContract, useSwitchChain, useWriteContract } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { toast } from "@/components/ui/toast";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { describeError } from "@/components/wallet/describe";
import { recordMintTransactionAction } from "@/lib/actions/record-mint-transaction";
import { saveDraftAction } from "@/lib/actions/save-draft";
import { ZNewBatch } from "@/lib/batches/schemas";
import { batchTokenAbi } from "@/lib/chain/abi";
import { attempt } from "@/lib/endpoints/client";

import { BatchFields, type BatchFormValues } from "./batch-fields";
import { MintProgress, type Step } from "./mint-progress";

const MINTER_ROLE = keccak256(stringToBytes("MINTER_ROLE"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long the page waits for the indexer before saying so (it usually takes a second or two). */
const indexDeadlineMs = 20_000;

/** Waits until the worker has indexed the mint and the draft has its token; false at the deadline. */
async function waitForIndexing(id: number, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const r = await attempt("GET /api/batches/[batch_id]", { params: { batch_id: id } });
    if (r.ok && r.data.token_id !== null) return true;
    if (Date.now() > until) return false;
    await sleep(500);
  }
}

export function NewBatchForm({ chainId, batchTokenAddress }: { chainId: number; batchTokenAddress: Address }) {
  const router = useRouter();
  const config = useConfig();
  const { address, chainId: walletChainId, isConnected } = useConnection();
  const { switchChainAsync } = useSwitchChain();
  const { writeContractAsync } = useWriteContract();
  const minter = useReadContract({
    address: batchTokenAddress,
    abi: batchTokenAbi,
    functionName: "hasRole",
    args: [MINTER_ROLE, address!],
    chainId,
    query: { enabled: !!address },
  });
  const form = useForm<BatchFormValues>({ resolver: zodResolver(ZNewBatch) as never, mode: "onTouched" });
  const [step, setStep] = useState<Step>("idle");
  const [txHash, setTxHash] = useState<Hex | null>(null);
  /** The draft whose mint is mined but not yet indexed when the deadline passed. */
  const [late, setLate] = useState<number | null>(null);

  const isWrongNetwork = isConnected && walletChainId !== chainId;
  const isMinter = minter.data === true;
  const isBusy = step !== "idle";

  async function onSubmit(values: BatchFormValues) {
    if (!address) return;
    setStep("saving");
    const saved = await saveDraftAction(values);
    if (!saved.ok) {
      for (const [name, text] of Object.entries(saved.error.fields)) form.setError(name, { message: text });
      toast.error(saved.error.message);
      return setStep("idle");
    }
    const { id, args } = saved.data;
    setStep("signing");
    let hash: Hex;
    try {
      const [quantity, production, expiry, price, metadataHash, metadataUri] = args;
      hash = await writeContractAsync({
        address: batchTokenAddress,
        abi: batchTokenAbi,
        chainId,
        functionName: "createBatch",
        args: [
          address,
          BigInt(quantity),
          BigInt(production),
          BigInt(expiry),
          BigInt(price),
          metadataHash as Hex,
          metadataUri,
        ],
      });
    } catch (error) {
      toast.error(`${describeError(error)} Nothing was sent; your draft is saved, so you can submit again.`);
      return setStep("idle");
    }
    setTxHash(hash);
    setStep("submitted");
    await recordMintTransactionAction({ id, tx_hash: hash });
    const receipt = await waitForTransactionReceipt(config, { hash, chainId });
    if (receipt.status !== "success") {
      toast.error("The transaction reverted on chain. Your draft is kept; check the facts and submit again.");
      return setStep("idle");
    }
    setStep("mined");
    await awaitIndexing(id, indexDeadlineMs);
  }

  async function awaitIndexing(id: number, deadlineMs: number) {
    setLate(null);
    if (!(await waitForIndexing(id, deadlineMs))) return setLate(id);
    setStep("indexed");
    toast.success("Batch minted: its token is indexed.");
    router.push(`/batches/${id}`);
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="flex flex-col gap-6">
      <Card id="wallet" title="Wallet">
        <ConnectWallet />
        {isWrongNetwork && (
          <Notice tone="amber">
            Your wallet is on chain {walletChainId}; batches are minted on chain {chainId}.{" "}
            <button
              type="button"
              className="underline"
              onClick={() => switchChainAsync({ chainId }).catch((e) => toast.error(describeError(e)))}
            >
              Switch network
            </button>
          </Notice>
        )}
        {isConnected && !isWrongNetwork && minter.isSuccess && !isMinter && (
          <Notice>
            This wallet does not have the minter role on the batch token, so it cannot mint batches. Ask an admin to
            grant it the minter role.
          </Notice>
        )}
        {minter.isError && <Notice>The chain could not be read: {describeError(minter.error)}</Notice>}
      </Card>

      <BatchFields register={form.register} errors={form.formState.errors} />

      <div className="flex items-center gap-4">
        <Button type="submit" variant="primary" disabled={!isConnected || isWrongNetwork || !isMinter || isBusy}>
          Mint batch
        </Button>
        {!isConnected && <span className="text-sm text-stone-500">Connect a wallet with the minter role to mint.</span>}
      </div>

      <div aria-live="polite">{step !== "idle" && <MintProgress step={step} txHash={txHash} />}</div>
      {late !== null && (
        <Notice tone="amber">
          The batch is minted on chain, but it was not indexed within {indexDeadlineMs / 1000} seconds: the worker (its
          event listener) may be stopped, paused or behind; see{" "}
          <Link className="underline" href="/events">
            Event listener
          </Link>
          . Your batch is safe on chain and appears once indexed.{" "}
          <button type="button" className="underline" onClick={() => void awaitIndexing(late, 2_000)}>
            Check again
          </button>
        </Notice>
      )}
    </form>
  );
}
