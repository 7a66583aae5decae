"use client";

// A received return's inspection: the SCA quality check of the returned coffee and whether it is
// contaminated, checked with the API's own schema; the answer is its grade and a recommendation.
import { useRouter } from "next/navigation";

import { QualityFields } from "@/components/batch-detail/quality-fields";
import { useQualityForm } from "@/components/batch-detail/use-quality-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { humanize } from "@/lib/format";
import { ZInspection } from "@/lib/returns/schemas";

export function InspectionForm({ returnId }: { returnId: number }) {
  const router = useRouter();
  const { form, onSubmit } = useQualityForm(
    ZInspection,
    { sample_grams: 350, contaminated: false },
    (inspection) =>
      attempt("POST /api/returns/[return_id]/inspect", { params: { return_id: returnId }, body: inspection }),
    (data) => {
      toast.success(`Return ${returnId} inspected: graded ${humanize(data.grade ?? "")}.`);
      router.refresh();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Inspect the return" className="flex flex-col gap-3">
      <QualityFields idPrefix="inspect" form={form} />
      <Checkbox label="Contaminated" {...form.register("contaminated")} />
      <Button type="submit" variant="primary" className="self-start" isPending={form.formState.isSubmitting}>
        Inspect
      </Button>
    </form>
  );
}
