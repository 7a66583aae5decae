"use client";

// The decision on an inspected return: one of the options possible for this coffee, preselected on
// the recommended one; the buyer's settlement; and a note, required when overriding the recommendation.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { errorsOnFields } from "@/components/field-errors";
import { Button } from "@/components/ui/button";
import { labelStyle, TextArea } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { settlements } from "@/lib/db/enums";
import { attempt } from "@/lib/endpoints/client";
import { formatDecimal } from "@/lib/format";
import type { Disposition, Recommendation } from "@/lib/returns/rules";

import { dispositionLabels, settlementLabels } from "./words";

type Settlement = (typeof settlements)[number];
type Props = { returnId: number; recommendation: Recommendation; currency: string };

export function DecisionForm({ returnId, recommendation, currency }: Props) {
  const router = useRouter();
  const [disposition, setDisposition] = useState<Disposition>(recommendation.option);
  const [settlement, setSettlement] = useState<Settlement>("refund");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const isRecommended = disposition === recommendation.option;

  async function decide(form: HTMLFormElement) {
    setRefusal(null);
    if (!isRecommended && !note.trim()) return setErrors({ note: "required when overriding the recommendation" });
    setErrors({});
    setPending(true);
    const r = await attempt("POST /api/returns/[return_id]/decide", {
      params: { return_id: returnId },
      body: { disposition, settlement, note: note.trim() || undefined },
    });
    setPending(false);
    if (!r.ok) {
      setErrors(errorsOnFields(form, r.error.details));
      setRefusal(r.error.message);
      toast.error(r.error.message);
      return;
    }
    toast.success(`Return ${returnId}: ${dispositionLabels[disposition].toLowerCase()} decided.`);
    router.refresh();
  }

  return (
    <Form aria-label="Decide the return" noValidate className="flex flex-col gap-4" onSubmit={decide}>
      <fieldset className="flex flex-col gap-1" aria-describedby={errors.disposition ? "disposition-error" : undefined}>
        <legend className={labelStyle}>Disposition</legend>
        {recommendation.options
          .filter((o) => o.feasible)
          .map((o) => (
            <label key={o.option} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="disposition"
                value={o.option}
                checked={disposition === o.option}
                onChange={() => setDisposition(o.option)}
              />
              {dispositionLabels[o.option]}
              <span className="text-stone-500">
                recovers {formatDecimal(o.recovery_value, 2)} {currency}
                {o.option === recommendation.option && " (recommended)"}
              </span>
            </label>
          ))}
        <FieldError id="disposition-error" message={errors.disposition} />
      </fieldset>
      <Select
        id="decision-settlement"
        label="Settlement with the buyer"
        options={settlements}
        labels={settlementLabels}
        all={null}
        value={settlement}
        onChange={(v) => setSettlement(v as Settlement)}
        className="w-48"
      />
      <TextArea
        id="decision-note"
        name="note"
        label={isRecommended ? "Note (optional)" : "Note (required: not the recommended option)"}
        error={errors.note}
        errorId="note-error"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {refusal && <Notice className="rounded-md border border-red-300 p-3 dark:border-red-800">{refusal}</Notice>}
      <Button type="submit" variant="primary" className="self-start" isPending={isPending}>
        {isRecommended ? "Accept recommendation" : "Decide"}
      </Button>
    </Form>
  );
}
