"use client";

// A plot's evidence: the producer's declaration (land use since 2020-12-31) and legality documents.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useApiCall } from "@/components/use-api-call";
import { landUses } from "@/lib/db/enums";

export const landUseWords: Record<(typeof landUses)[number], string> = {
  coffee_before_2021: "coffee since before 2021",
  other_crop_before_2021: "another crop since before 2021",
  converted_after_2020: "converted after 2020",
  forest: "forest (shade-grown coffee)",
};

const inputClass = "rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

export function PlotEvidenceForm({ plotId, reference }: { plotId: number; reference: string }) {
  const declare = useApiCall();
  const upload = useApiCall();
  const [files, setFiles] = useState<FileList | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <form
        aria-label={`Declaration for ${reference}`}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          void declare.call(
            "POST /api/due-diligence/plots/[plot_id]/declarations",
            {
              params: { plot_id: plotId },
              body: {
                land_use: form.get("land_use") as (typeof landUses)[number],
                is_deforestation_free: form.get("is_deforestation_free") === "on",
                declared_on: String(form.get("declared_on")),
                declarant: String(form.get("declarant")),
              },
            },
            e.currentTarget,
          );
        }}
      >
        <label className="flex flex-col text-xs">
          Land use since 2020-12-31
          <select name="land_use" className={inputClass} defaultValue="coffee_before_2021">
            {landUses.map((u) => (
              <option key={u} value={u}>
                {landUseWords[u]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" name="is_deforestation_free" defaultChecked />
          Deforestation-free
        </label>
        <label className="flex flex-col text-xs">
          Declared on
          <input type="date" name="declared_on" required className={inputClass} />
        </label>
        <label className="flex flex-col text-xs">
          Declarant
          <input name="declarant" required maxLength={200} className={inputClass} />
        </label>
        <Button type="submit" size="sm" isPending={declare.pending}>
          Record declaration
        </Button>
      </form>
      {declare.error && <Notice>{declare.error}</Notice>}
      <form
        aria-label={`Legality documents for ${reference}`}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const body = new FormData();
          for (const f of files ?? []) body.append("certificates", f);
          void upload.call("POST /api/due-diligence/plots/[plot_id]/documents", { params: { plot_id: plotId }, body });
        }}
      >
        <label className="flex flex-col text-xs">
          Legality documents (PDF or images)
          <input
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png,image/webp"
            onChange={(e) => setFiles(e.target.files)}
          />
        </label>
        <Button type="submit" size="sm" isPending={upload.pending} disabled={!files?.length}>
          Upload
        </Button>
      </form>
      {upload.error && <Notice>{upload.error}</Notice>}
    </div>
  );
}
