"use client";

// The batch's plot list, edited as a whole: a row per plot with its share, rows added and removed,
// saved in one call (the shares must sum to 100%).
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field, labelStyle } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";

type Row = { plot_id: number; share_pct: string };

export function LinkPlotsForm({
  batchId,
  current,
  choices,
}: {
  batchId: number;
  current: Row[];
  choices: { id: number; label: string }[];
}) {
  const { call, error, pending } = useApiCall();
  const isReady = useHydrated();
  const [rows, setRows] = useState<Row[]>(current);
  useOutcomeToast({ pending, error, success: "Plots saved.", isErrorInline: true });
  const total = rows.reduce((sum, r) => sum + Math.round(Number(r.share_pct || 0) * 100), 0) / 100;
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = choices.filter((c) => !rows.some((r) => r.plot_id === c.id));
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await call(
      "PUT /api/batches/[batch_id]/plots",
      { params: { batch_id: batchId }, body: { plots: rows } },
      e.currentTarget,
    );
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Link plots"
      className="flex flex-col gap-2 border-t border-stone-200 pt-3 dark:border-stone-800"
    >
      <p className={labelStyle}>Link plots (the shares must sum to 100%)</p>
      {rows.map((r, i) => (
        <div key={i} className="flex flex-wrap items-end gap-2">
          {/* Long plot names never widen a phone's page: the choice is as wide as the row allows. */}
          <div className="flex min-w-0 max-w-full flex-col gap-1">
            <label htmlFor={`plot-${batchId}-${i}`} className={labelStyle}>
              Plot {i + 1}
            </label>
            <select
              id={`plot-${batchId}-${i}`}
              value={r.plot_id}
              onChange={(e) => set(i, { plot_id: Number(e.target.value) })}
              className={`${field} w-full sm:min-w-64`}
            >
              {choices
                .filter((c) => c.id === r.plot_id || !rows.some((o) => o.plot_id === c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`share-${batchId}-${i}`} className={labelStyle}>
              Share of plot {i + 1} (%)
            </label>
            <input
              id={`share-${batchId}-${i}`}
              value={r.share_pct}
              onChange={(e) => set(i, { share_pct: e.target.value })}
              inputMode="decimal"
              required
              className={`${field} w-24`}
            />
          </div>
          <Button type="button" variant="ghost" size="sm" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove plot {i + 1}
          </Button>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={!isReady || unused.length === 0}
          onClick={() => setRows([...rows, { plot_id: unused[0].id, share_pct: "" }])}
        >
          Add a plot
        </Button>
        <span className="text-sm text-stone-600 dark:text-stone-400" data-testid="share-total">
          Shares: {total}%
        </span>
        <Button type="submit" isPending={!isReady || pending} className="ml-auto">
          {pending ? "Saving…" : "Save plots"}
        </Button>
      </div>
      <FieldError id={`plots-${batchId}-error`} message={error} />
    </form>
  );
}
