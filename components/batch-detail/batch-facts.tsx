// The batch's off-chain facts.
import { Card } from "@/components/ui/card";
import { Facts, type Fact } from "@/components/ui/facts";
import type { BatchJson } from "@/lib/batches/serialize";
import { humanize } from "@/lib/format";

export function BatchFacts({ batch }: { batch: BatchJson }) {
  const facts: Fact[] = [
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
      <Facts
        facts={facts}
        className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3"
        valueClassName="break-all"
      />
    </Card>
  );
}
