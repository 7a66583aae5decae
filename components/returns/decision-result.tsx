// What was decided: the disposition, whether it overrode the recommendation and why, what it
// recovers, and the buyer's settlement.
import { Facts } from "@/components/ui/facts";
import { formatDecimal } from "@/lib/format";
import type { ReturnJson } from "@/lib/returns/returns";

import { dispositionLabels, settlementLabels } from "./words";

export function DecisionResult({ ret }: { ret: ReturnJson }) {
  const money = (value: string | null) => (value === null ? null : `${formatDecimal(value, 2)} ${ret.currency}`);
  return (
    <Facts
      facts={[
        ["Disposition", ret.disposition ? dispositionLabels[ret.disposition] : null],
        ["Overrode the recommendation", ret.overridden === null ? null : ret.overridden ? "yes" : "no"],
        ["Note", ret.decision_note],
        ["Recovery value", money(ret.recovery_value)],
        ["Settlement", ret.settlement ? settlementLabels[ret.settlement] : null],
        ["Refund", money(ret.refund)],
      ]}
      className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3"
    />
  );
}
