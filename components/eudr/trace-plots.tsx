// The trace page's plots: where the coffee was grown, drawn without a tile server, with each plot's
// reference, area and share, and the list's hash. Nothing about the producers beyond that.
import { getDb } from "@/lib/db/server";
import { getPublicPlots } from "@/lib/eudr/public";

import { PlotMap } from "./plot-map";

export async function TracePlots({ batchId, code }: { batchId: number; code: string }) {
  const { plots, plots_hash } = await getPublicPlots(getDb(), batchId);
  if (!plots.length) return null;
  return (
    <section aria-labelledby="plots" className="space-y-3">
      <h2 id="plots" className="text-lg font-semibold">
        Where it was grown
      </h2>
      <PlotMap label={`Map of the plots batch ${code} came from`} plots={plots} />
      <ul className="text-sm text-stone-600 dark:text-stone-400">
        {plots.map((p) => (
          <li key={p.reference}>
            <span className="font-mono">{p.reference}</span> · {Number(p.area_ha)} ha · {Number(p.share_pct)}% of the
            batch
          </li>
        ))}
      </ul>
      <p className="text-xs text-stone-500">
        The plot list&apos;s sha-256 hash, anchored on chain through the audit log:{" "}
        <span className="font-mono break-all">{plots_hash}</span>
      </p>
    </section>
  );
}
