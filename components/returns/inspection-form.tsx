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
import { messageInFormWords, setFieldIssues } from "@/components/field-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { inspectReturn } from "@/lib/endpoints/returns";
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
    const r = await attempt(inspectReturn, { params: { return_id: returnId }, body: inspection });
    if (!r.ok) {
      if (!setFieldIssues(form.setError, ZInspection.shape, r.error.details))
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
      <Checkbox label="Contaminated" {...form.register("contaminated")} />
      <Button type="submit" variant="primary" className="self-start" isPending={form.formState.isSubmitting}>
        Inspect
      </Button>
    </form>
  );
}
