// The SCA quality check's measurements as labelled number fields, each with its error beside it:
// for a batch's quality check and a returned lot's inspection alike.
import type { UseFormRegisterReturn } from "react-hook-form";

import { FieldError } from "@/components/ui/field-error";
import { field, labelStyle } from "@/components/ui/select";
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
  const notesId = `${idPrefix}-notes`;
  return (
    <>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {fields.map((f) => (
          <div key={f.name} className="flex flex-col gap-1">
            <label htmlFor={`${idPrefix}-${f.name}`} className={labelStyle}>
              {f.label}
            </label>
            <input
              id={`${idPrefix}-${f.name}`}
              type="number"
              step={f.step ?? "1"}
              inputMode="decimal"
              className={field}
              aria-invalid={errors[f.name] ? true : undefined}
              aria-describedby={errors[f.name] ? `${idPrefix}-${f.name}-error` : undefined}
              {...register(f.name)}
            />
            <FieldError id={`${idPrefix}-${f.name}-error`} message={errors[f.name]?.message} />
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={notesId} className={labelStyle}>
          Notes (optional)
        </label>
        <textarea
          id={notesId}
          rows={2}
          className={field}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? `${notesId}-error` : undefined}
          {...notes}
        />
        <FieldError id={`${notesId}-error`} message={errors.notes?.message} />
      </div>
    </>
  );
}
