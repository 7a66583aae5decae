"use client";

// A new order: the buyer and where it delivers, then batches picked by origin and grade with their
// kilograms and prices. One idempotency key per form, so a double click or a retry makes one order.
// A refusal (a batch with too little available) is said beside the form and toasted; the form stays.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { messageInFormWords } from "@/components/field-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/use-hydrated";
import type { BatchJson } from "@/lib/batches/serialize";
import { attempt, type ApiError } from "@/lib/endpoints/client";
import { ZNewOrder } from "@/lib/orders/schemas";

import { BatchPicker } from "./batch-picker";
import { BuyerFields, type Buyer } from "./buyer-fields";
import { OrderLineFields, type Line } from "./order-line-fields";

/** A fresh key; crypto.randomUUID is missing outside secure contexts (plain http on a LAN address). */
const newKey = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const lineOf = (b: BatchJson): Line => ({
  batch_id: b.id,
  code: b.batch_code,
  available_kg: b.available_kg,
  quantity_kg: "",
  price_per_kg: b.price_per_kg ?? "",
});

type Props = { buyers: Buyer[]; origins: string[]; batches: BatchJson[]; initial?: BatchJson };

export function NewOrderForm({ buyers, origins, batches, initial }: Props) {
  const router = useRouter();
  const isHydrated = useHydrated();
  const [key] = useState(newKey);
  const [buyer, setBuyer] = useState({ buyer_id: "", delivery_address_id: "", currency: "USD", note: "" });
  const [lines, setLines] = useState<Line[]>(() => (initial ? [lineOf(initial)] : []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState<"draft" | "confirm" | null>(null);

  const add = (b: BatchJson) => setLines((ls) => [...ls, lineOf(b)]);

  /** A refusal: errors on fields beside them, the rest (and any 409) in the form's alert and a toast. */
  function refuse(form: HTMLFormElement, error: ApiError) {
    const issues = Array.isArray(error.details) ? (error.details as { path?: string; message: string }[]) : [];
    const onFields = Object.fromEntries(
      issues.filter((d) => d.path && form.elements.namedItem(d.path)).map((d) => [d.path!, d.message]),
    );
    const short = (error.details ?? {}) as { batch_id?: number; available_kg?: string };
    const line = lines.findIndex((l) => l.batch_id === short.batch_id);
    if (line >= 0 && error.status === 409)
      onFields[`lines.${line}.quantity_kg`] = `only ${short.available_kg ?? "0"} kg available`;
    else if (line >= 0) onFields[`lines.${line}.batch_id`] = error.message;
    setErrors(onFields);
    const message = messageInFormWords(form, error.message, error.details);
    setRefusal(message);
    toast.error(message);
  }

  async function submit(form: HTMLFormElement, confirm: boolean) {
    setRefusal(null);
    const body = {
      buyer_id: Number(buyer.buyer_id),
      currency: buyer.currency.trim().toUpperCase(),
      delivery_address_id: buyer.delivery_address_id ? Number(buyer.delivery_address_id) : undefined,
      note: buyer.note.trim() || undefined,
      lines: lines.map((l) => ({
        batch_id: l.batch_id,
        quantity_kg: l.quantity_kg.trim(),
        price_per_kg: l.price_per_kg.trim(),
      })),
      idempotency_key: key,
      confirm,
    };
    const checked = ZNewOrder.safeParse(body);
    if (!buyer.buyer_id || !checked.success) {
      const found = Object.fromEntries(
        (checked.error?.issues ?? []).map((i) => [i.path.join(".") || "lines", i.message] as const).reverse(),
      );
      if (!buyer.buyer_id) found.buyer_id = "choose a buyer";
      setErrors(found);
      return;
    }
    setErrors({});
    setPending(confirm ? "confirm" : "draft");
    const r = await attempt("POST /api/orders", { body });
    if (!r.ok) {
      setPending(null);
      refuse(form, r.error);
      return;
    }
    toast.success(
      confirm
        ? `Order #${r.data.id} created and confirmed: its lines are reserved.`
        : `Order #${r.data.id} created as a draft.`,
    );
    router.push(`/orders/${r.data.id}`);
  }

  return (
    <Form
      aria-label="New order"
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(form, e) => {
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        return submit(form, submitter?.value === "confirm");
      }}
    >
      <Card id="order-buyer" title="Sold to">
        <BuyerFields
          buyers={buyers}
          value={buyer}
          errors={errors}
          onChange={(c) => setBuyer((b) => ({ ...b, ...c }))}
        />
      </Card>
      <Card id="order-batches" title="Batches">
        <BatchPicker origins={origins} initial={batches} chosen={lines.map((l) => l.batch_id)} onAdd={add} />
        <h3 className="text-sm font-semibold">In this order</h3>
        {lines.length > 0 && (
          <OrderLineFields
            lines={lines}
            currency={buyer.currency}
            errors={errors}
            onChange={(i, c) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...c } : l)))}
            onRemove={(i) => setLines((ls) => ls.filter((_, j) => j !== i))}
          />
        )}
        {errors.lines ? (
          <Notice>{errors.lines}</Notice>
        ) : (
          lines.length === 0 && <p className="text-sm text-stone-500">No batch yet: add one from the list above.</p>
        )}
      </Card>
      {refusal && <Notice className="rounded-md border border-red-300 p-3 dark:border-red-800">{refusal}</Notice>}
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          name="mode"
          value="draft"
          isPending={!isHydrated || pending === "draft"}
          disabled={pending !== null}
        >
          Create draft
        </Button>
        <Button
          type="submit"
          name="mode"
          value="confirm"
          variant="primary"
          isPending={!isHydrated || pending === "confirm"}
          disabled={pending !== null}
        >
          Create and confirm
        </Button>
      </div>
    </Form>
  );
}
