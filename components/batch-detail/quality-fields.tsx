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
const numberOrEmpty = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
/** Blank notes are no notes. */
const textOrEmpty = (v: string) => (v.trim() === "" ? undefined : v);

/** The part of a react-hook-form form (useForm) the fields use. */
type QualityForm = {
  register: (
    name: MeasurementName | "notes",
    options: { setValueAs: (value: string) => unknown },
  ) => UseFormRegisterReturn;
  formState: { errors: Partial<Record<MeasurementName | "notes", { message?: string }>> };
};

/** `idPrefix` prefixes each field's id: qc-cupping_score. Measurements are numbers, blank notes none. */
export function QualityFields({ idPrefix, form }: { idPrefix: string; form: QualityForm }) {
  const { errors } = form.formState;
  const register = (name: MeasurementName) => form.register(name, { setValueAs: numberOrEmpty });
  const notes = form.register("notes", { setValueAs: textOrEmpty });
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
