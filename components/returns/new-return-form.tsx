"use client";

// A return requested against a delivered order line: kilograms, a reason, a note and photos, sent
// as multipart (the request as JSON in `return`, the photos beside it). A refusal is said beside the
// field it is about and toasted; the form stays as it was.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { errorsOnFields, messageInFormWords } from "@/components/field-errors";
import { Button } from "@/components/ui/button";
import { field, Field, FilesField, imageTypes, invalidBy, TextArea, TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { Options } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/use-hydrated";
import { returnReasons } from "@/lib/db/enums";
import { attempt, type ApiError } from "@/lib/endpoints/client";
import { ZNewReturn } from "@/lib/returns/schemas";

import { reasonLabels } from "./words";

/** The API's field errors by path; a 422 past what may come back lands on the quantity. */
function fieldErrors(form: HTMLFormElement, error: ApiError): Record<string, string> {
  const found = errorsOnFields(form, error.details);
  const left = (error.details as { returnable_kg?: string } | null)?.returnable_kg;
  if (left !== undefined) found.quantity_kg = `at most ${left} kg can be returned`;
  return found;
}

export function NewReturnForm({ lineId, returnableKg }: { lineId: number; returnableKg: string }) {
  const router = useRouter();
  const isHydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function submit(form: HTMLFormElement) {
    setRefusal(null);
    const data = new FormData(form);
    const request = {
      order_line_id: lineId,
      quantity_kg: String(data.get("quantity_kg") ?? "").trim(),
      reason: String(data.get("reason") ?? ""),
      note: String(data.get("note") ?? "").trim() || undefined,
    };
    const checked = ZNewReturn.safeParse(request);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [i.path.join("."), i.message] as const).reverse()));
      return;
    }
    setErrors({});
    const body = new FormData();
    body.set("return", JSON.stringify(request));
    for (const photo of data.getAll("photos"))
      if (photo instanceof File && photo.size > 0) body.append("photos", photo);
    setPending(true);
    const r = await attempt("POST /api/returns", { body });
    if (!r.ok) {
      setPending(false);
      setErrors(fieldErrors(form, r.error));
      const message = messageInFormWords(form, r.error.message, r.error.details);
      setRefusal(message);
      toast.error(message);
      return;
    }
    toast.success(`Return ${r.data.id} requested.`);
    router.push(`/returns/${r.data.id}`);
  }

  return (
    <Form aria-label="Request a return" noValidate className="flex max-w-xl flex-col gap-4" onSubmit={submit}>
      <TextField
        id="quantity_kg"
        name="quantity_kg"
        label="Quantity (kg)"
        error={errors.quantity_kg}
        inputMode="decimal"
        placeholder={`at most ${returnableKg}`}
        className="w-40"
      />
      <Field id="reason" label="Reason" error={errors.reason}>
        <select
          id="reason"
          name="reason"
          defaultValue=""
          className={`${field} w-64`}
          {...invalidBy("reason-error", errors.reason)}
        >
          <option value="" disabled>
            Choose a reason
          </option>
          <Options items={returnReasons.map((r) => ({ value: r, label: reasonLabels[r] }))} />
        </select>
      </Field>
      <TextArea id="note" name="note" label="Note (optional)" error={errors.note} rows={3} maxLength={2000} />
      <FilesField id="photos" name="photos" label="Photos (JPEG, PNG, WebP; up to 5)" accept={imageTypes} />
      {refusal && <Notice className="rounded-md border border-red-300 p-3 dark:border-red-800">{refusal}</Notice>}
      <Button type="submit" variant="primary" className="self-start" isPending={!isHydrated || isPending}>
        Request return
      </Button>
    </Form>
  );
}
