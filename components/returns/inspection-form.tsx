"use client";

// A received return's inspection: the SCA quality check of the returned coffee and whether it is
// contaminated, checked with the API's own schema; the answer is its grade and a recommendation.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import {
  numberOrEmpty,
  QualityFields,
  textOrEmpty,
  type MeasurementName,
} from "@/components/batch-detail/quality-fields";
import { messageInFormWords } from "@/components/field-errors";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { humanize } from "@/lib/format";
import { ZInspection } from "@/lib/returns/schemas";

type Input = z.input<typeof ZInspection>;
type Output = z.output<typeof ZInspection>;

export function InspectionForm({ returnId }: { returnId: number }) {
  const router = useRouter();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ZInspection),
    defaultValues: { sample_grams: 350, contaminated: false },
  });
  const errors = form.formState.errors;

  async function onSubmit(inspection: Output, event?: React.BaseSyntheticEvent) {
    const r = await attempt("POST /api/returns/[return_id]/inspect", {
      params: { return_id: returnId },
      body: inspection,
    });
    if (!r.ok) {
      const details = Array.isArray(r.error.details) ? (r.error.details as { path?: string; message: string }[]) : [];
      const onFields = details.filter((d) => d.path && d.path in ZInspection.shape);
      for (const d of onFields) form.setError(d.path as keyof Input, { message: d.message });
      if (onFields.length === 0)
        toast.error(messageInFormWords(event?.target as HTMLFormElement, r.error.message, r.error.details));
      return;
    }
    toast.success(`Return ${returnId} inspected: graded ${humanize(r.data.grade ?? "")}.`);
    router.refresh();
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      aria-label="Inspect the return"
      className="flex flex-col gap-3"
    >
      <QualityFields
        idPrefix="inspect"
        register={(name: MeasurementName) => form.register(name, { setValueAs: numberOrEmpty })}
        notes={form.register("notes", { setValueAs: textOrEmpty })}
        errors={errors}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("contaminated")} />
        Contaminated
      </label>
      <Button type="submit" variant="primary" className="self-start" isPending={form.formState.isSubmitting}>
        Inspect
      </Button>
    </form>
  );
}
