"use client";

// The stock actions of a batch page: each is checked by the API first (capacity, what is held,
// below zero), then signed and sent by the connected wallet, recorded as pending, and settled once
// the listener indexes its event.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BaseError, type Hex } from "viem";
import { useConfig, useConnection, useSendTransaction } from "wagmi";
import { waitForTransactionReceipt } from "wagmi/actions";

import { buttonClass } from "@/components/ui/button";
import { field as inputField } from "@/components/ui/select";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { recordStockTransactionAction } from "@/lib/actions/record-stock-transaction";
import { adjustmentReasons } from "@/lib/db/enums";

type Place = { holder: string; warehouse: string; quantity_kg: string };
type Props = {
  batchId: number;
  chainId: number;
  places: Place[];
  warehouses: { code: string; name: string }[];
  canManage: boolean;
};
type Kind = "stock_move" | "stock_adjust" | "stock_transfer";

const describe = (error: unknown) =>
  error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

function useStockAction(batchId: number, chainId: number) {
  const router = useRouter();
  const config = useConfig();
  const { sendTransactionAsync } = useSendTransaction();
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function run(path: string, kind: Kind, body: unknown) {
    setMessage(null);
    setBusy(true);
    try {
      const res = await fetch(`/api/batches/${batchId}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = await res.json().catch(() => null);
      if (!res.ok) return setMessage({ text: json?.error?.message ?? `Refused (${res.status}).`, isError: true });
      const hash = await sendTransactionAsync({ to: json.to, data: json.data as Hex, chainId });
      await recordStockTransactionAction({ tx_hash: hash, kind, batch_id: batchId });
      router.refresh();
      setMessage({ text: `${json.summary}: sent in ${hash}, pending until the listener indexes it.`, isError: false });
      const receipt = await waitForTransactionReceipt(config, { hash, chainId });
      if (receipt.status !== "success")
        setMessage({ text: "The transaction reverted on chain; nothing changed.", isError: true });
      router.refresh();
    } catch (error) {
      setMessage({ text: describe(error), isError: true });
    } finally {
      setBusy(false);
    }
  }
  return { run, message, isBusy };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export function StockActions({ batchId, chainId, places, warehouses, canManage }: Props) {
  const { address, isConnected } = useConnection();
  const { run, message, isBusy } = useStockAction(batchId, chainId);
  const placeOptions = places.map((p) => (
    <option
      key={`${p.holder}|${p.warehouse}`}
      value={`${p.holder}|${p.warehouse}`}
    >{`${short(p.holder)} @ ${p.warehouse || "no warehouse"} (${p.quantity_kg} kg)`}</option>
  ));
  const submit =
    (path: string, kind: Kind, toBody: (f: FormData) => unknown) => (event: React.FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void run(path, kind, toBody(new FormData(event.currentTarget)));
    };
  return (
    <div className="flex flex-col gap-3 rounded-md border border-dashed border-stone-300 p-3 dark:border-stone-700">
      <ConnectWallet />
      {canManage && (
        <form
          aria-label="Move stock"
          className="flex flex-wrap items-end gap-2"
          onSubmit={submit("stock-moves", "stock_move", (f) => {
            const [holder, from] = field(f, "place").split("|");
            return {
              holder,
              from_warehouse: from,
              to_warehouse: field(f, "to_warehouse"),
              quantity_kg: field(f, "quantity_kg"),
            };
          })}
        >
          <label className="flex flex-col text-xs">
            Stock to move
            <select name="place" className={inputField}>
              {placeOptions}
            </select>
          </label>
          <label className="flex flex-col text-xs">
            To warehouse
            <select name="to_warehouse" className={inputField}>
              {warehouses.map((w) => (
                <option key={w.code} value={w.code}>{`${w.name} (${w.code})`}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs">
            Quantity (kg)
            <input name="quantity_kg" className={inputField} inputMode="decimal" required />
          </label>
          <button type="submit" className={buttonClass()} disabled={!isConnected || isBusy}>
            Move
          </button>
        </form>
      )}
      {canManage && (
        <form
          aria-label="Adjust stock"
          className="flex flex-wrap items-end gap-2"
          onSubmit={submit("stock-adjustments", "stock_adjust", (f) => {
            const [holder, warehouse] = field(f, "place").split("|");
            const note = field(f, "note");
            return {
              holder,
              warehouse,
              quantity_kg: field(f, "quantity_kg"),
              reason: field(f, "reason"),
              ...(note && { note }),
            };
          })}
        >
          <label className="flex flex-col text-xs">
            Stock to adjust
            <select name="place" className={inputField}>
              {placeOptions}
            </select>
          </label>
          <label className="flex flex-col text-xs">
            Change (kg, negative to write off)
            <input name="quantity_kg" className={inputField} required />
          </label>
          <label className="flex flex-col text-xs">
            Reason
            <select name="reason" className={inputField}>
              {adjustmentReasons.map((r) => (
                <option key={r} value={r}>
                  {r.replace("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs">
            Note
            <input name="note" className={inputField} />
          </label>
          <button type="submit" className={buttonClass()} disabled={!isConnected || isBusy}>
            Adjust
          </button>
        </form>
      )}
      <form
        aria-label="Transfer stock"
        className="flex flex-wrap items-end gap-2"
        onSubmit={submit("stock-transfers", "stock_transfer", (f) => ({
          from: address,
          to: field(f, "to"),
          quantity_kg: field(f, "quantity_kg"),
        }))}
      >
        <span className="text-xs text-stone-500">From the connected wallet{address ? ` (${short(address)})` : ""}</span>
        <label className="flex flex-col text-xs">
          To wallet
          <input name="to" className={inputField} placeholder="0x…" required />
        </label>
        <label className="flex flex-col text-xs">
          Quantity (kg)
          <input name="quantity_kg" className={inputField} inputMode="decimal" required />
        </label>
        <button type="submit" className={buttonClass()} disabled={!isConnected || isBusy}>
          Transfer
        </button>
      </form>
      <p
        aria-live="polite"
        role={message?.isError ? "alert" : undefined}
        data-testid="stock-action-message"
        className={`break-all text-sm ${message?.isError ? "text-red-700 dark:text-red-300" : ""}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
