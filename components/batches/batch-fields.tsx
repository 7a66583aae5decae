"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";

import { field, labelStyle } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { processes } from "@/lib/db/enums";
import { humanize } from "@/lib/format";

export type BatchFormValues = Record<string, string | number | undefined>;

type Field = {
  name: string;
  label: string;
  type?: "text" | "date" | "number" | "select";
  hint?: string;
  isRequired?: boolean;
};

const fields: Field[] = [
  { name: "batch_code", label: "Batch code", hint: "e.g. ETH-YIR-2026-0042", isRequired: true },
  { name: "origin_country", label: "Origin country", isRequired: true },
  { name: "region", label: "Region" },
  { name: "farm", label: "Farm" },
  { name: "cooperative", label: "Cooperative" },
  { name: "variety", label: "Variety" },
  { name: "process", label: "Process", type: "select" },
  { name: "altitude_m", label: "Altitude (m)", type: "number" },
  { name: "harvest_date", label: "Harvest date", type: "date" },
  { name: "warehouse", label: "Warehouse" },
  { name: "cupping_score", label: "Cupping score", hint: "0–100, two decimals" },
  { name: "moisture_pct", label: "Moisture (%)" },
  { name: "quantity_kg", label: "Quantity (kg)", hint: "up to three decimals", isRequired: true },
  { name: "price_per_kg", label: "Price per kg (USD)", isRequired: true },
  { name: "production_date", label: "Production date", type: "date", isRequired: true },
  { name: "expiry_date", label: "Expiry date", type: "date", isRequired: true },
];

const input = `${field} w-full`;

/** Empty optional fields are left out rather than sent as "". */
const setValueAs = (type: Field["type"]) => (v: string) => (v === "" ? undefined : type === "number" ? Number(v) : v);

export function BatchFields({
  register,
  errors,
}: {
  register: UseFormRegister<BatchFormValues>;
  errors: FieldErrors<BatchFormValues>;
}) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {fields.map((f) => {
        const id = `batch-${f.name}`;
        const error = errors[f.name]?.message as string | undefined;
        const props = {
          id,
          "aria-invalid": !!error,
          "aria-describedby": error ? `${id}-error` : undefined,
          ...register(f.name, { setValueAs: setValueAs(f.type) }),
        };
        return (
          <div key={f.name} className="flex flex-col gap-1">
            <label htmlFor={id} className={labelStyle}>
              {f.label}
              {f.isRequired && <span aria-hidden> *</span>}
            </label>
            {f.type === "select" ? (
              <select {...props} className={input}>
                <option value="">—</option>
                {processes.map((p) => (
                  <option key={p} value={p}>
                    {humanize(p)}
                  </option>
                ))}
              </select>
            ) : (
              <input {...props} type={f.type ?? "text"} placeholder={f.hint} className={input} />
            )}
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      })}
    </div>
  );
}
