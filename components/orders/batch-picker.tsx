"use client";

// Finds batches to sell by origin and grade (GET /api/batches), each with what it has on hand,
// reserved and available, and adds the chosen ones to the order (none with nothing available).
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Empty } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import type { BatchJson } from "@/lib/batches/serialize";
import { inStockStatuses, qualityGrades } from "@/lib/db/enums";
import { attempt } from "@/lib/endpoints/client";
import { formatDecimal, humanize } from "@/lib/format";

type Props = { origins: string[]; initial: BatchJson[]; chosen: number[]; onAdd: (batch: BatchJson) => void };

export function BatchPicker({ origins, initial, chosen, onAdd }: Props) {
  const [origin, setOrigin] = useState("");
  const [grade, setGrade] = useState("");
  const [found, setFound] = useState<BatchJson[]>(initial);
  const [error, setError] = useState<string | null>(null);

  async function search() {
    const r = await attempt("GET /api/batches", {
      query: {
        status: inStockStatuses.join(","),
        origin_country: origin || undefined,
        quality_grade: grade || undefined,
        limit: "50",
      },
    });
    setError(r.ok ? null : r.error.message);
    setFound(r.ok ? r.data.data : []);
  }

  return (
    <div className="flex flex-col gap-3" role="group" aria-label="Find batches">
      <div className="flex flex-wrap items-end gap-3">
        <Select id="pick-origin" label="Origin" options={origins} value={origin} onChange={setOrigin} />
        <Select id="pick-grade" label="Grade" options={qualityGrades} value={grade} onChange={setGrade} />
        <Button onClick={search}>Find batches</Button>
      </div>
      {error && <Notice>{error}</Notice>}
      {found.length === 0 ? (
        <Empty>No batch for sale matches.</Empty>
      ) : (
        <Table testId="batch-choices" className="text-sm">
          <TableHead
            isSticky
            columns={[
              "Batch",
              "Origin",
              "Grade",
              "Warehouse",
              numeric("On hand (kg)"),
              numeric("Reserved (kg)"),
              numeric("Available (kg)"),
              numeric("Price / kg"),
              "",
            ]}
          />
          <tbody>
            {found.map((b) => {
              const isOut = b.available_kg === null || !/[1-9]/.test(b.available_kg);
              return (
                <tr key={b.id} data-batch-id={b.id} className={rowClass}>
                  <td className={`${cellClass} font-mono`}>{b.batch_code}</td>
                  <td className={cellClass}>{b.origin_country}</td>
                  <td className={cellClass}>{b.quality_grade ? humanize(b.quality_grade) : "—"}</td>
                  <td className={cellClass}>{b.warehouse ?? "—"}</td>
                  <td className={numericCellClass}>{formatDecimal(b.on_hand_kg, 3)}</td>
                  <td className={numericCellClass}>{formatDecimal(b.reserved_kg, 3)}</td>
                  <td className={numericCellClass} data-column="available_kg">
                    {formatDecimal(b.available_kg, 3)}
                  </td>
                  <td className={numericCellClass}>{formatDecimal(b.price_per_kg, 2)}</td>
                  <td className={`${cellClass} text-right`}>
                    <Button
                      size="sm"
                      disabled={isOut || chosen.includes(b.id)}
                      aria-label={`Add ${b.batch_code}`}
                      onClick={() => onAdd(b)}
                    >
                      {chosen.includes(b.id) ? "Added" : isOut ? "None available" : "Add"}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </div>
  );
}
