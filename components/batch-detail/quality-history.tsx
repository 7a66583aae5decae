// The batch's quality checks, newest first: the grade, every measurement, why it got that grade, and its files.
import { ValueBadge } from "@/components/ui/badge";
import { Empty } from "@/components/ui/card";
import { Entries, Entry } from "@/components/ui/entries";
import { Facts, type Fact } from "@/components/ui/facts";
import { formatWhen } from "@/components/verification/display";
import type { QualityCheckJson } from "@/lib/quality/checks";

function Measurements({ c }: { c: QualityCheckJson }) {
  const facts: Fact[] = [
    ["Cupping", c.cupping_score],
    ["Moisture", `${c.moisture_pct}%`],
    ["Primary defects", c.primary_defects],
    ["Secondary defects", c.secondary_defects],
    ["Full defects / 350 g", c.full_defects],
    ["Sample", `${c.sample_grams} g`],
    ["Screen", c.screen_size],
    ["Screen variance", c.screen_size_variance_pct === null ? null : `${c.screen_size_variance_pct}%`],
    ["Quakers", c.quakers],
  ];
  return (
    <Facts
      facts={facts}
      className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-3 lg:grid-cols-5"
      valueClassName="font-mono"
    />
  );
}

export function QualityHistory({ checks }: { checks: QualityCheckJson[] }) {
  if (checks.length === 0) return <Empty>No quality check is recorded yet.</Empty>;
  return (
    <Entries isOrdered>
      {checks.map((c) => (
        <Entry key={c.id} data-testid="quality-check" data-grade={c.grade}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <ValueBadge value={c.grade} />
            <span className="text-stone-500">
              Check #{c.id}, {formatWhen(c.created_at)}, rules {c.rules_version}
            </span>
          </div>
          <Measurements c={c} />
          <ul className="list-disc pl-5 text-sm">
            {c.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {c.notes && <p className="text-sm text-stone-600 dark:text-stone-400">Notes: {c.notes}</p>}
          {c.files.length > 0 && (
            <p className="flex flex-wrap gap-3 text-sm">
              {c.files.map((f) => (
                <a key={f.id} href={f.url} target="_blank" rel="noreferrer" className="underline">
                  {f.kind}: {f.filename}
                </a>
              ))}
            </p>
          )}
        </Entry>
      ))}
    </Entries>
  );
}
