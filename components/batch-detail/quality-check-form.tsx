"use client";

// Records a quality check: the measurements checked with the API's own schema, then sent as multipart with any files.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { messageInFormWords, setFieldIssues } from "@/components/field-errors";
import { Button } from "@/components/ui/button";
import { FilesField, imageTypes } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { recordQualityCheck } from "@/lib/endpoints/verification";
import { humanize } from "@/lib/format";
import { ZQualityCheck } from "@/lib/quality/schemas";

import { numberOrEmpty, QualityFields, textOrEmpty } from "./quality-fields";

type Input = z.input<typeof ZQualityCheck>;
type Output = z.output<typeof ZQualityCheck>;

export function QualityCheckForm({ batchId }: { batchId: number }) {
  const router = useRouter();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ZQualityCheck),
    defaultValues: { sample_grams: 350 },
  });
  const errors = form.formState.errors;

  async function onSubmit(check: Output, event?: React.BaseSyntheticEvent) {
    const element = event?.target as HTMLFormElement;
    const picked = new FormData(element);
    const body = new FormData();
    body.set("check", JSON.stringify(check));
    for (const name of ["photos", "certificates"]) for (const f of picked.getAll(name)) body.append(name, f);
    const r = await attempt(recordQualityCheck, { params: { batch_id: batchId }, body });
    if (!r.ok) {
      // Errors about a field show beside it; anything else is the action's outcome, toasted.
      if (!setFieldIssues(form.setError, ZQualityCheck.shape, r.error.details))
        toast.error(r.error.status ? messageInFormWords(element, r.error.message, r.error.details) : r.error.message);
      return;
    }
    toast.success(`Recorded check #${r.data.id}: graded ${humanize(r.data.grade)}.`);
    form.reset();
    for (const input of element.querySelectorAll<HTMLInputElement>('input[type="file"]')) input.value = "";
    router.refresh();
  }

  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      aria-label="Record a quality check"
      className="flex flex-col gap-3 rounded-md border border-dashed border-stone-300 p-3 dark:border-stone-700"
    >
      <h3 className="text-sm font-semibold">Record a quality check</h3>
      <QualityFields
        idPrefix="qc"
        register={(name) => form.register(name, { setValueAs: numberOrEmpty })}
        notes={form.register("notes", { setValueAs: textOrEmpty })}
        errors={errors}
      />
      <div className="flex flex-wrap gap-6">
        <FilesField id="qc-photos" name="photos" label="Photos (JPEG, PNG, WebP)" accept={imageTypes} />
        <FilesField
          id="qc-certificates"
          name="certificates"
          label="Certificates (PDF or image)"
          accept={`application/pdf,${imageTypes}`}
        />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" isPending={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Recording…" : "Record quality check"}
        </Button>
      </div>
    </form>
  );
}
