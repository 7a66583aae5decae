"use client";

// The stock actions of a batch page: move between warehouses and adjust (operators), transfer to
// another wallet (any holder). Each is one StockForm; use-stock-action.ts asks the API, then the wallet.
import { useConnection } from "wagmi";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Select } from "@/components/ui/select";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { shortAddress } from "@/components/wallet/describe";
import { adjustmentReasons } from "@/lib/db/enums";
import { call } from "@/lib/endpoints/client";

import { useStockAction, type Prepared, type StockKind } from "./use-stock-action";

type Place = { holder: string; warehouse: string; quantity_kg: string };
type Props = {
  batchId: number;
  chainId: number;
  places: Place[];
  warehouses: { code: string; name: string }[];
  canManage: boolean;
};

/** Reads a form's text fields by name ("" when absent), from one FormData. */
const fieldsOf = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return (name: string) => String(data.get(name) ?? "");
};
type Field = ReturnType<typeof fieldsOf>;
/** A place is a holder at a warehouse, chosen as one option "holder|warehouse". */
const placeOf = (field: Field) => {
  const [holder, warehouse] = field("place").split("|");
  return { holder, warehouse };
};

// What each form asks the API for, read from its fields.
const moveOf = (form: HTMLFormElement) => {
  const field = fieldsOf(form);
  const { holder, warehouse } = placeOf(field);
  return { holder, from_warehouse: warehouse, to_warehouse: field("to_warehouse"), quantity_kg: field("quantity_kg") };
};
const adjustmentOf = (form: HTMLFormElement) => {
  const field = fieldsOf(form);
  const note = field("note");
  return {
    ...placeOf(field),
    quantity_kg: field("quantity_kg"),
    reason: field("reason") as (typeof adjustmentReasons)[number],
    ...(note && { note }),
  };
};
const transferOf = (form: HTMLFormElement, from: string) => {
  const field = fieldsOf(form);
  return { from, to: field("to"), quantity_kg: field("quantity_kg") };
};

const words: Record<StockKind, { label: string; action: string }> = {
  stock_move: { label: "Move stock", action: "Move" },
  stock_adjust: { label: "Adjust stock", action: "Adjust" },
  stock_transfer: { label: "Transfer stock", action: "Transfer" },
};

/** One stock action's form: its fields, then the button that sends it; its label names it. */
function StockForm({
  kind,
  isDisabled,
  onSubmit,
  children,
}: {
  kind: StockKind;
  isDisabled: boolean;
  onSubmit: (kind: StockKind, form: HTMLFormElement) => void;
  children: React.ReactNode;
}) {
  return (
    <Form
      aria-label={words[kind].label}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(form) => onSubmit(kind, form)}
    >
      {children}
      <Button type="submit" disabled={isDisabled}>
        {words[kind].action}
      </Button>
    </Form>
  );
}

/** Which holder's stock at which warehouse the action is about. */
function PlaceSelect({ id, label, places }: { id: string; label: string; places: Place[] }) {
  const key = (p: Place) => `${p.holder}|${p.warehouse}`;
  const labels = Object.fromEntries(
    places.map((p) => [key(p), `${shortAddress(p.holder)} @ ${p.warehouse || "no warehouse"} (${p.quantity_kg} kg)`]),
  );
  return <Select id={id} name="place" label={label} options={places.map(key)} labels={labels} all={null} />;
}

export function StockActions({ batchId, chainId, places, warehouses, canManage }: Props) {
  const { address, isConnected } = useConnection();
  const { run, isBusy } = useStockAction(batchId, chainId);
  const params = { batch_id: batchId };
  const isDisabled = !isConnected || isBusy;
  const prepare: Record<StockKind, (form: HTMLFormElement) => Promise<Prepared>> = {
    stock_move: (form) => call("POST /api/batches/[batch_id]/stock-moves", { params, body: moveOf(form) }),
    stock_adjust: (form) =>
      call("POST /api/batches/[batch_id]/stock-adjustments", { params, body: adjustmentOf(form) }),
    stock_transfer: (form) =>
      call("POST /api/batches/[batch_id]/stock-transfers", { params, body: transferOf(form, address ?? "") }),
  };
  const send = (kind: StockKind, form: HTMLFormElement) => run(kind, form, () => prepare[kind](form));
  const warehouseLabels = Object.fromEntries(warehouses.map((w) => [w.code, `${w.name} (${w.code})`]));
  return (
    <div className="flex flex-col gap-3 rounded-md border border-dashed border-stone-300 p-3 dark:border-stone-700">
      <ConnectWallet />
      {canManage && (
        <StockForm kind="stock_move" isDisabled={isDisabled} onSubmit={send}>
          <PlaceSelect id="move-place" label="Stock to move" places={places} />
          <Select
            id="move-to"
            name="to_warehouse"
            label="To warehouse"
            options={warehouses.map((w) => w.code)}
            labels={warehouseLabels}
            all={null}
          />
          <TextField id="move-quantity" name="quantity_kg" label="Quantity (kg)" inputMode="decimal" required />
        </StockForm>
      )}
      {canManage && (
        <StockForm kind="stock_adjust" isDisabled={isDisabled} onSubmit={send}>
          <PlaceSelect id="adjust-place" label="Stock to adjust" places={places} />
          <TextField id="adjust-quantity" name="quantity_kg" label="Change (kg, negative to write off)" required />
          <Select id="adjust-reason" name="reason" label="Reason" options={adjustmentReasons} all={null} />
          <TextField id="adjust-note" name="note" label="Note" />
        </StockForm>
      )}
      <StockForm kind="stock_transfer" isDisabled={isDisabled} onSubmit={send}>
        <span className="text-xs text-stone-500">
          From the connected wallet{address ? ` (${shortAddress(address)})` : ""}
        </span>
        <TextField id="transfer-to" name="to" label="To wallet" placeholder="0x…" required />
        <TextField id="transfer-quantity" name="quantity_kg" label="Quantity (kg)" inputMode="decimal" required />
      </StockForm>
    </div>
  );
}
