"use client";

// Records a quality check: the measurements checked with the API's own schema, then sent as multipart with any files.
import { useRouter } from "next/navigation";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { FilesField, imageTypes } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { humanize } from "@/lib/format";
import { ZQualityCheck } from "@/lib/quality/schemas";

import { QualityFields } from "./quality-fields";
import { useQualityForm } from "./use-quality-form";

/** Sent as multipart: the measurements as JSON in `check`, the files picked beside them. */
function multipart(check: z.output<typeof ZQualityCheck>, form: HTMLFormElement) {
  const picked = new FormData(form);
  const body = new FormData();
  body.set("check", JSON.stringify(check));
  for (const name of ["photos", "certificates"]) for (const f of picked.getAll(name)) body.append(name, f);
  return body;
}

export function QualityCheckForm({ batchId }: { batchId: number }) {
  const router = useRouter();
  const { form, onSubmit } = useQualityForm(
    ZQualityCheck,
    { sample_grams: 350 },
    (check, element) =>
      attempt("POST /api/batches/[batch_id]/quality-check", {
        params: { batch_id: batchId },
        body: multipart(check, element),
      }),
    (data, element, reset) => {
      toast.success(`Recorded check #${data.id}: graded ${humanize(data.grade)}.`);
      reset();
      for (const input of element.querySelectorAll<HTMLInputElement>('input[type="file"]')) input.value = "";
      router.refresh();
    },
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Record a quality check"
      className="flex flex-col gap-3 rounded-md border border-dashed border-stone-300 p-3 dark:border-stone-700"
    >
      <h3 className="text-sm font-semibold">Record a quality check</h3>
      <QualityFields idPrefix="qc" form={form} />
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
