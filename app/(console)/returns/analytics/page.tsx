import type { Metadata } from "next";

import { ChartCard } from "@/components/analytics/chart-card";
import { returnChartTables } from "@/components/returns/analytics-tables";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { formatDecimal } from "@/lib/format";
import { returnAnalytics } from "@/lib/returns/analytics";

export const metadata: Metadata = { title: "Returns analytics" };
export const dynamic = "force-dynamic";

const hours = (value: string | null) => (value === null ? null : `${formatDecimal(value, 2)} h`);

export default async function ReturnsAnalyticsPage() {
  const user = await requirePageUser("/returns/analytics");
  const a = await returnAnalytics(getDb(), user.scope);
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Returns analytics" link={{ href: "/returns", label: "Returns" }}>
        {user.isMember ? "Your organisation's returns, " : "Every return not rejected, "}computed as you open the page.
      </PageHeader>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card id="returns-recovery" title="Value recovered">
          {a.recovery.length === 0 && <p className="text-sm text-stone-500">No return decided yet.</p>}
          {a.recovery.map((r) => (
            <Facts
              key={r.currency}
              facts={[
                [`Decided returns (${r.currency})`, r.decided],
                [`Original value (${r.currency})`, formatDecimal(r.original_value, 2)],
                [`Recovered (${r.currency})`, formatDecimal(r.recovery_value, 2)],
                ["Recovered (%)", r.recovered_pct === null ? null : `${r.recovered_pct}%`],
              ]}
              className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm"
            />
          ))}
          <p className="text-xs text-stone-500">
            What decided returns recover against what the returned coffee was sold for, per currency.
          </p>
        </Card>
        <Card id="returns-decision-time" title="Time to decide">
          <Facts
            facts={[
              ["Decided returns", a.decision_hours.decided],
              ["Median", hours(a.decision_hours.median)],
              ["90th percentile", hours(a.decision_hours.p90)],
              ["Average", hours(a.decision_hours.average)],
            ]}
            className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm"
          />
          <p className="text-xs text-stone-500">Hours from the request to the decision.</p>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {returnChartTables(a).map((table) => (
          <ChartCard key={table.id} table={table} csvHref={`/api/returns/analytics/export?table=${table.id}`} />
        ))}
      </div>
    </div>
  );
}
