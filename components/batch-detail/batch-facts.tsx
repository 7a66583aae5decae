// The batch's off-chain facts.
import { Card } from "@/components/ui/card";
import type { BatchJson } from "@/lib/batches/serialize";
import { humanize } from "@/lib/format";

export function BatchFacts({ batch }: { batch: BatchJson }) {
  const facts: [string, string | number | null][] = [
    ["Origin", [batch.origin_country, batch.region].filter(Boolean).join(" · ")],
    ["Farm", batch.farm],
    ["Cooperative", batch.cooperative],
    ["Variety", batch.variety],
    ["Process", batch.process && humanize(batch.process)],
    ["Altitude (m)", batch.altitude_m],
    ["Harvest date", batch.harvest_date],
    ["Warehouse", batch.warehouse],
    ["Cupping score", batch.cupping_score],
    ["Moisture (%)", batch.moisture_pct],
    ["Owner", batch.owner_address],
  ];
  return (
    <Card id="facts" title="Batch">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="text-stone-500">{label}</dt>
            <dd className="break-all">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
