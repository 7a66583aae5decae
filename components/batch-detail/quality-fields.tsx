// The SCA quality check's measurements as labelled number fields, each with its error beside it:
// for a batch's quality check and a returned lot's inspection alike.
import type { UseFormRegisterReturn } from "react-hook-form";

import { TextArea, TextField } from "@/components/ui/field";
import type { QualityCheckInput } from "@/lib/quality/schemas";

export type MeasurementName = Exclude<keyof QualityCheckInput, "notes">;

const fields: { name: MeasurementName; label: string; step?: string }[] = [
  { name: "cupping_score", label: "Cupping score", step: "0.01" },
  { name: "moisture_pct", label: "Moisture (%)", step: "0.01" },
  { name: "primary_defects", label: "Primary defects" },
  { name: "secondary_defects", label: "Secondary defects" },
  { name: "sample_grams", label: "Sample (g)" },
  { name: "screen_size", label: "Screen size" },
  { name: "screen_size_variance_pct", label: "Screen variance (%, optional)", step: "0.01" },
  { name: "quakers", label: "Quakers (optional)" },
];

/** An empty field is no value (optional fields), anything else a number for the schema to check. */
export const numberOrEmpty = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
/** Blank notes are no notes. */
export const textOrEmpty = (v: string) => (v.trim() === "" ? undefined : v);

type Props = {
  /** Prefixes each field's id: qc-cupping_score. */
  idPrefix: string;
  register: (name: MeasurementName) => UseFormRegisterReturn;
  /** The notes textarea, registered with textOrEmpty. */
  notes: UseFormRegisterReturn;
  errors: Partial<Record<MeasurementName | "notes", { message?: string }>>;
};

export function QualityFields({ idPrefix, register, notes, errors }: Props) {
  return (
    <>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {fields.map((f) => (
          <TextField
            key={f.name}
            id={`${idPrefix}-${f.name}`}
            label={f.label}
            error={errors[f.name]?.message}
            type="number"
            step={f.step ?? "1"}
            inputMode="decimal"
            {...register(f.name)}
          />
        ))}
      </div>
      <TextArea id={`${idPrefix}-notes`} label="Notes (optional)" error={errors.notes?.message} rows={2} {...notes} />
    </>
  );
}
