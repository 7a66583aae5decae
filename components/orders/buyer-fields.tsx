"use client";

// Who the order is for: the buyer (with where its tokens go), a delivery address, the currency and a note.
import { field, Field, invalidBy, TextArea, TextField } from "@/components/ui/field";
import { namedOption, Options } from "@/components/ui/select";

export type Buyer = {
  id: number;
  name: string;
  kind: string;
  delivery_wallet: string | null;
  addresses: { id: number; label: string; lines: string; country: string }[];
};

type Value = { buyer_id: string; delivery_address_id: string; currency: string; note: string };
type Props = {
  buyers: Buyer[];
  value: Value;
  errors: Record<string, string>;
  onChange: (change: Partial<Value>) => void;
};

export function BuyerFields({ buyers, value, errors, onChange }: Props) {
  const buyer = buyers.find((b) => String(b.id) === value.buyer_id);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="buyer_id" label="Buyer" error={errors.buyer_id} hint={buyer && <DeliveryHint buyer={buyer} />}>
        <select
          id="buyer_id"
          name="buyer_id"
          value={value.buyer_id}
          onChange={(e) => onChange({ buyer_id: e.target.value, delivery_address_id: "" })}
          className={field}
          {...invalidBy("buyer_id-error", errors.buyer_id)}
        >
          <option value="">Choose a buyer</option>
          <Options items={buyers.map(namedOption)} />
        </select>
      </Field>
      <Field id="delivery_address_id" label="Delivery address (optional)" error={errors.delivery_address_id}>
        <select
          id="delivery_address_id"
          name="delivery_address_id"
          value={value.delivery_address_id}
          onChange={(e) => onChange({ delivery_address_id: e.target.value })}
          disabled={!buyer?.addresses.length}
          className={field}
          {...invalidBy("delivery_address_id-error", errors.delivery_address_id)}
        >
          <option value="">{buyer?.addresses.length ? "None" : "The buyer has no address"}</option>
          {buyer?.addresses.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}: {a.lines}, {a.country}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        id="currency"
        name="currency"
        label="Currency"
        error={errors.currency}
        value={value.currency}
        maxLength={3}
        onChange={(e) => onChange({ currency: e.target.value })}
        className="w-24 uppercase"
      />
      <TextArea
        id="note"
        name="note"
        label="Note (optional)"
        error={errors.note}
        rows={2}
        maxLength={1000}
        value={value.note}
        onChange={(e) => onChange({ note: e.target.value })}
      />
    </div>
  );
}

/** Where the chosen buyer's tokens go. */
function DeliveryHint({ buyer }: { buyer: Buyer }) {
  return (
    <p className="text-xs text-stone-500" data-testid="buyer-delivery">
      {buyer.delivery_wallet ? (
        <>
          Tokens go to its delivery wallet <span className="font-mono">{buyer.delivery_wallet}</span>
        </>
      ) : (
        "No delivery wallet: ships by redemption"
      )}
    </p>
  );
}
