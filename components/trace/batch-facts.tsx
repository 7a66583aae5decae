// What a buyer may know about the batch: where and how it was grown and made. Nothing private.
import { humanize } from "@/lib/format";
import type { Trace } from "@/lib/provenance/trace";

export function TraceFacts({ batch }: { batch: Trace["batch"] }) {
  const facts: [string, string | null][] = [
    ["Origin", batch.origin],
    ["Farm", batch.farm],
    ["Cooperative", batch.cooperative],
    ["Variety", batch.variety],
    ["Process", batch.process && humanize(batch.process)],
    ["Altitude", batch.altitudeM ? `${batch.altitudeM} m` : null],
    ["Harvested", batch.harvestDate],
    ["Produced", batch.productionDate],
    ["Best before", batch.expiryDate],
    ["Token", batch.tokenId ? `#${batch.tokenId}` : null],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
      {facts
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs uppercase tracking-wide text-stone-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
