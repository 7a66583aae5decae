// One dimension of the counters as labelled bars; the numbers are always written out.
import { Card, Empty } from "@/components/ui/card";
import type { Share } from "@/lib/dashboard/metrics";
import { humanize } from "@/lib/format";

type Row = { value: string } & Share;

export function Breakdown({
  title,
  rows,
  testId,
  limit = 8,
}: {
  title: string;
  rows: Row[];
  testId: string;
  limit?: number;
}) {
  const nonEmpty = rows.filter((r) => r.batches > 0);
  const shown = nonEmpty.slice(0, limit);
  const max = Math.max(1, ...shown.map((r) => r.batches));
  const hidden = nonEmpty.slice(limit);
  const hiddenBatches = hidden.reduce((sum, r) => sum + r.batches, 0);
  return (
    <Card title={title}>
      {shown.length === 0 ? (
        <Empty>No batches yet.</Empty>
      ) : (
        <ul className="flex flex-col gap-1.5" data-testid={testId}>
          {shown.map((r) => (
            <li
              key={r.value}
              className="grid grid-cols-[8rem_1fr_3.5rem] items-center gap-2 text-sm"
              data-value={r.value}
            >
              <span className="truncate" title={humanize(r.value)}>
                {humanize(r.value)}
              </span>
              <span className="h-2 rounded-full bg-stone-100 dark:bg-stone-800" aria-hidden>
                <span
                  className="block h-2 rounded-full bg-emerald-600 dark:bg-emerald-400"
                  style={{ width: `${(r.batches / max) * 100}%` }}
                />
              </span>
              <span className="text-right tabular-nums" data-testid={`${testId}-${r.value}`}>
                {r.batches.toLocaleString("en-US")}
              </span>
            </li>
          ))}
          {hidden.length > 0 && (
            <li className="text-xs text-stone-500" data-testid={`${testId}-more`}>
              and {hidden.length.toLocaleString("en-US")} more ({hiddenBatches.toLocaleString("en-US")} batches)
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}

export const toRows = (shares: Record<string, Share>): Row[] =>
  Object.entries(shares)
    .map(([value, s]) => ({ value, ...s }))
    .sort((a, b) => b.batches - a.batches);
