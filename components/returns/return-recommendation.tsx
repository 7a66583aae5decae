// The recommended disposition once inspected: the option in words, its confidence and summary, what
// each of the five options would recover (or why it cannot be done), and the factors behind it.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cellClass, numeric, numericCellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatDecimal, humanize } from "@/lib/format";
import type { Recommendation } from "@/lib/returns/rules";

import { dispositionLabels } from "./words";

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function ReturnRecommendation({
  recommendation: r,
  currency,
}: {
  recommendation: Recommendation;
  currency: string;
}) {
  return (
    <Card id="return-recommendation" title="Recommendation">
      <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="recommended-option">
        <span className="text-base font-semibold">{dispositionLabels[r.option]}</span>
        <span className="text-stone-500">confidence {percent(r.confidence)}</span>
      </p>
      <p className="text-sm">{r.summary}</p>
      <Table testId="recommendation-options" isFramed={false} label="Options">
        <TableHead columns={["Option", "Possible", numeric(`Recovery value (${currency})`), "Why"]} />
        <tbody>
          {r.options.map((o) => (
            <Row key={o.option} data-option={o.option}>
              <td className={`${cellClass} whitespace-nowrap`}>
                {dispositionLabels[o.option]} {o.option === r.option && <Badge tone="green">recommended</Badge>}
              </td>
              <td className={cellClass}>{o.feasible ? "yes" : "no"}</td>
              <td className={numericCellClass}>{formatDecimal(o.recovery_value, 2)}</td>
              <td className={`${cellClass} text-xs`}>{o.sentence}</td>
            </Row>
          ))}
        </tbody>
      </Table>
      <Table testId="recommendation-factors" isFramed={false} label="Factors">
        <TableHead columns={["Factor", "Value", numeric("Weight"), "What it says", "Supports"]} />
        <tbody>
          {r.factors.map((f) => (
            <Row key={f.name} data-factor={f.name}>
              <td className={`${cellClass} whitespace-nowrap`}>{humanize(f.name)}</td>
              <td className={`${cellClass} font-mono text-xs`}>{f.value}</td>
              <td className={numericCellClass}>{percent(f.weight)}</td>
              <td className={`${cellClass} text-xs`}>{f.sentence}</td>
              <td className={`${cellClass} text-xs`}>
                {f.supports.map((s) => dispositionLabels[s]).join(", ") || "—"}
              </td>
            </Row>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
