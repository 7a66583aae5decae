// The headline figures: each card a number, what it counts, and the kilograms and dollars behind it.
import { cardClass } from "@/components/ui/card";
import { toneStyles } from "@/components/ui/tones";
import type { DashboardMetrics, Share } from "@/lib/dashboard/metrics";
import { formatDecimal } from "@/lib/format";

function Kpi({
  label,
  value,
  note,
  testId,
  tone = "",
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
  tone?: string;
}) {
  return (
    <div className={`flex flex-col gap-1 ${cardClass}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">{label}</dt>
      <dd className={`text-2xl font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="text-xs text-stone-500 tabular-nums dark:text-stone-400">{note}</dd>}
    </div>
  );
}

const count = (n: number) => n.toLocaleString("en-US");
const weight = (s: Share) => `${formatDecimal(s.quantity_kg, 0)} kg · $${formatDecimal(s.value_usd, 2)}`;
const warn = toneStyles.amber.text;
const bad = toneStyles.red.text;

export function KpiCards({ m }: { m: DashboardMetrics }) {
  const passRate = m.verification.pass_rate === null ? "—" : `${(m.verification.pass_rate * 100).toFixed(1)} %`;
  const outOfSync = (m.by_sync_status.out_of_sync?.batches ?? 0) + (m.by_sync_status.error?.batches ?? 0);
  const gone = (status: string) => m.by_status[status]?.batches ?? 0;
  const severe = (m.alerts.by_severity.high ?? 0) + (m.alerts.by_severity.critical ?? 0);
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Kpi
        label="Batches"
        value={count(m.totals.batches)}
        note={`every batch ever minted · ${count(gone("redeemed"))} redeemed and ${count(gone("expired"))} expired are no longer in stock`}
        testId="kpi-batches"
      />
      <Kpi
        label="In stock"
        value={count(m.in_stock.batches)}
        note={`${weight(m.in_stock)} on hand · active, verified and flagged`}
        testId="kpi-in-stock"
      />
      <Kpi
        label="Stock value (USD)"
        value={`$${formatDecimal(m.in_stock.value_usd, 2)}`}
        note="on hand in active, verified and flagged batches"
        testId="kpi-stock-value"
      />
      <Kpi
        label="Unsold, not promised"
        value={`${formatDecimal(m.orders.available_kg, 3)} kg`}
        note={`held by producers and the operating company, not reserved for an order (expired batches too) · ${formatDecimal(m.orders.reserved_kg, 3)} kg reserved or in transit`}
        testId="kpi-available"
      />
      <Kpi
        label="Passed verification"
        value={count(m.verification.verified_batches)}
        note={`batches whose latest count or full verification passed (off chain; ${count(m.by_status.verified?.batches ?? 0)} are verified on chain) · count pass rate ${passRate} · ${count(m.verification.pending)} counts pending`}
        testId="kpi-verified"
      />
      <Kpi
        label="Open alerts"
        value={count(m.alerts.open)}
        note={`${count(m.alerts.by_severity.critical ?? 0)} critical · ${count(m.alerts.by_severity.high ?? 0)} high · ${count(m.alerts.by_severity.medium ?? 0)} medium · ${count(m.alerts.by_severity.low ?? 0)} low`}
        testId="kpi-open-alerts"
        tone={severe ? bad : ""}
      />
      <Kpi
        label="Expiring in 30 days"
        value={count(m.expiry.within_30_days.batches)}
        note={`${weight(m.expiry.within_30_days)} · ${count(m.expiry.within_90_days.batches)} within 90 days`}
        testId="kpi-expiring-30"
        tone={m.expiry.within_30_days.batches ? warn : ""}
      />
      <Kpi
        label="Past expiry, still in stock"
        value={count(m.expiry.past_expiry_in_stock.batches)}
        note={weight(m.expiry.past_expiry_in_stock)}
        testId="kpi-past-expiry"
        tone={m.expiry.past_expiry_in_stock.batches ? bad : ""}
      />
      <Kpi
        label="Not in sync with the chain"
        value={count(outOfSync)}
        note={`${count(m.by_sync_status.error?.batches ?? 0)} failing · ${count(m.by_sync_status.pending?.batches ?? 0)} pending`}
        testId="kpi-out-of-sync"
        tone={outOfSync ? warn : ""}
      />
    </dl>
  );
}
