"use client";

// The order's chosen batches, each with its kilograms and price per kg, and any error about it
// beside its field. Field names are the API's paths (lines.0.quantity_kg) so its errors find them.
import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { cellClass, numeric, numericCellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatDecimal } from "@/lib/format";

export type Line = {
  batch_id: number;
  code: string;
  available_kg: string | null;
  quantity_kg: string;
  price_per_kg: string;
};

type Props = {
  lines: Line[];
  currency: string;
  errors: Record<string, string>;
  onChange: (index: number, change: Partial<Line>) => void;
  onRemove: (index: number) => void;
};

function Input({
  name,
  label,
  value,
  error,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={name} className="sr-only">
        {label}
      </label>
      <input
        id={name}
        name={name}
        value={value}
        inputMode="decimal"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={`${field} w-32 text-right`}
      />
      <FieldError id={`${name}-error`} message={error} />
    </>
  );
}

export function OrderLineFields({ lines, currency, errors, onChange, onRemove }: Props) {
  return (
    <Table testId="new-order-lines" isFramed={false}>
      <TableHead
        columns={["Batch", numeric("Available (kg)"), "Quantity (kg)", `Price / kg (${currency || "—"})`, ""]}
      />
      <tbody>
        {lines.map((l, i) => (
          <Row key={l.batch_id} data-batch-id={l.batch_id}>
            <td className={`${cellClass} font-mono`}>
              {l.code}
              <FieldError id={`lines.${i}.batch_id-error`} message={errors[`lines.${i}.batch_id`]} />
            </td>
            <td className={numericCellClass}>{formatDecimal(l.available_kg, 3)}</td>
            <td className={cellClass}>
              <Input
                name={`lines.${i}.quantity_kg`}
                label={`Quantity (kg) of ${l.code}`}
                value={l.quantity_kg}
                error={errors[`lines.${i}.quantity_kg`]}
                onChange={(quantity_kg) => onChange(i, { quantity_kg })}
              />
            </td>
            <td className={cellClass}>
              <Input
                name={`lines.${i}.price_per_kg`}
                label={`Price per kg of ${l.code}`}
                value={l.price_per_kg}
                error={errors[`lines.${i}.price_per_kg`]}
                onChange={(price_per_kg) => onChange(i, { price_per_kg })}
              />
            </td>
            <td className={`${cellClass} text-right`}>
              <Button size="sm" variant="ghost" aria-label={`Remove ${l.code}`} onClick={() => onRemove(i)}>
                Remove
              </Button>
            </td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
