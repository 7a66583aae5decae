// An order's returns, newest first, each linked to its page.
import { Card, Empty } from "@/components/ui/card";
import type { ReturnSummaryJson } from "@/lib/returns/returns";

import { ReturnsTable } from "./returns-table";

export function OrderReturns({ returns }: { returns: ReturnSummaryJson[] }) {
  return (
    <Card id="order-returns" title="Returns">
      {returns.length === 0 ? (
        <Empty>No return requested.</Empty>
      ) : (
        <ReturnsTable returns={returns} testId="order-returns" />
      )}
    </Card>
  );
}
