"use client";

// A stock action from a batch page: checked by the API first (capacity, what is held, below zero),
// then signed and sent by the connected wallet, recorded as pending, and settled once the listener
// indexes its event. Every outcome is a toast.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Address, Hex } from "viem";
import { useConfig, useSendTransaction } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";

import { messageInFormWords } from "@/components/field-errors";
import { toast } from "@/components/ui/toast";
import { describeError } from "@/components/wallet/describe";
import { recordStockTransactionAction } from "@/lib/actions/record-stock-transaction";
import { ApiError } from "@/lib/endpoints/client";

export type StockKind = "stock_move" | "stock_adjust" | "stock_transfer";
/** The API's answer to a stock action: the call for the wallet to send, and what it does in words. */
export type Prepared = { to: string; data: string; summary: string };

export function useStockAction(batchId: number, chainId: number) {
  const router = useRouter();
  const config = useConfig();
  const { sendTransactionAsync } = useSendTransaction();
  const [isBusy, setBusy] = useState(false);

  /** `prepare` asks the API through lib/endpoints/client.ts call(). */
  async function run(kind: StockKind, form: HTMLFormElement, prepare: () => Promise<Prepared>) {
    setBusy(true);
    try {
      const prepared = await prepare();
      const hash = await sendTransactionAsync({ to: prepared.to as Address, data: prepared.data as Hex, chainId });
      const recorded = await recordStockTransactionAction({ tx_hash: hash, kind, batch_id: batchId });
      if (!recorded.ok)
        throw new Error(
          `Sent in ${hash}, but not followed as pending: ${recorded.error.message} It shows once indexed.`,
        );
      router.refresh();
      toast.success(`${prepared.summary}: sent in ${hash}, pending until the listener indexes it.`);
      const receipt = await waitForTransactionReceipt(config, { hash, chainId });
      if (receipt.status !== "success") toast.error("The transaction reverted on chain; nothing changed.");
      router.refresh();
    } catch (error) {
      // Bad input names the form's fields by their labels; a broken rule (422) is the API's own sentence.
      toast.error(
        error instanceof ApiError && error.code === "validation_error"
          ? messageInFormWords(form, error.message, error.details)
          : describeError(error),
      );
    } finally {
      setBusy(false);
    }
  }
  return { run, isBusy };
}
