// What the inspection found: the grade with its reasons, the measurements, and contamination.
import { ValueBadge } from "@/components/ui/badge";
import { Facts, type Fact } from "@/components/ui/facts";
import type { ReturnJson } from "@/lib/returns/returns";

const shown: [key: string, label: string, unit?: string][] = [
  ["cupping_score", "Cupping"],
  ["moisture_pct", "Moisture", "%"],
  ["primary_defects", "Primary defects"],
  ["secondary_defects", "Secondary defects"],
  ["sample_grams", "Sample", " g"],
  ["screen_size", "Screen"],
  ["screen_size_variance_pct", "Screen variance", "%"],
  ["quakers", "Quakers"],
];

export function InspectionResult({ ret }: { ret: ReturnJson }) {
  const inspection = ret.inspection ?? {};
  const facts: Fact[] = shown.flatMap(([key, label, unit = ""]) =>
    inspection[key] === undefined || inspection[key] === null ? [] : [[label, `${String(inspection[key])}${unit}`]],
  );
  facts.push(["Contaminated", ret.contaminated ? "yes" : "no"]);
  return (
    <div className="flex flex-col gap-2" data-testid="inspection-result">
      <p className="flex items-center gap-2 text-sm">
        Graded {ret.grade && <ValueBadge value={ret.grade} />}
        {ret.contract_grade && (
          <span className="text-stone-500">(contract grade: {ret.contract_grade.replaceAll("_", " ")})</span>
        )}
      </p>
      <Facts
        facts={facts}
        className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-3 lg:grid-cols-5"
        valueClassName="font-mono"
      />
      <ul className="list-disc pl-5 text-sm">
        {(ret.grade_reasons ?? []).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {typeof inspection.notes === "string" && (
        <p className="text-sm text-stone-600 dark:text-stone-400">Notes: {inspection.notes}</p>
      )}
    </div>
  );
}
