"use client";

// Who the order is for: the buyer (with where its tokens go), a delivery address, the currency and a note.
import { FieldError } from "@/components/ui/field-error";
import { field, labelStyle } from "@/components/ui/select";

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

/** The field's error beside it, tied to it for screen readers. */
const invalid = (errors: Record<string, string>, name: string) =>
  errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};

export function BuyerFields({ buyers, value, errors, onChange }: Props) {
  const buyer = buyers.find((b) => String(b.id) === value.buyer_id);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="buyer_id" className={labelStyle}>
          Buyer
        </label>
        <select
          id="buyer_id"
          name="buyer_id"
          value={value.buyer_id}
          onChange={(e) => onChange({ buyer_id: e.target.value, delivery_address_id: "" })}
          className={field}
          {...invalid(errors, "buyer_id")}
        >
          <option value="">Choose a buyer</option>
          {buyers.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.kind})
            </option>
          ))}
        </select>
        <FieldError id="buyer_id-error" message={errors.buyer_id} />
        {buyer && (
          <p className="text-xs text-stone-500" data-testid="buyer-delivery">
            {buyer.delivery_wallet ? (
              <>
                Tokens go to its delivery wallet <span className="font-mono">{buyer.delivery_wallet}</span>
              </>
            ) : (
              "No delivery wallet: ships by redemption"
            )}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="delivery_address_id" className={labelStyle}>
          Delivery address (optional)
        </label>
        <select
          id="delivery_address_id"
          name="delivery_address_id"
          value={value.delivery_address_id}
          onChange={(e) => onChange({ delivery_address_id: e.target.value })}
          disabled={!buyer?.addresses.length}
          className={field}
          {...invalid(errors, "delivery_address_id")}
        >
          <option value="">{buyer?.addresses.length ? "None" : "The buyer has no address"}</option>
          {buyer?.addresses.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}: {a.lines}, {a.country}
            </option>
          ))}
        </select>
        <FieldError id="delivery_address_id-error" message={errors.delivery_address_id} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="currency" className={labelStyle}>
          Currency
        </label>
        <input
          id="currency"
          name="currency"
          value={value.currency}
          maxLength={3}
          onChange={(e) => onChange({ currency: e.target.value })}
          className={`${field} w-24 uppercase`}
          {...invalid(errors, "currency")}
        />
        <FieldError id="currency-error" message={errors.currency} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="note" className={labelStyle}>
          Note (optional)
        </label>
        <textarea
          id="note"
          name="note"
          rows={2}
          maxLength={1000}
          value={value.note}
          onChange={(e) => onChange({ note: e.target.value })}
          className={field}
          {...invalid(errors, "note")}
        />
        <FieldError id="note-error" message={errors.note} />
      </div>
    </div>
  );
}
