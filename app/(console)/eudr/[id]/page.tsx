// /eudr/{id} — one plot: where it is (a map), what validation found, the batches that list it, an
// edit form for operators, and its edit history.
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";

import { EditPlotForm } from "@/components/eudr/edit-plot-form";
import { PlotHistory } from "@/components/eudr/plot-history";
import { PlotMap } from "@/components/eudr/plot-map";
import { Badge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { getPlot } from "@/lib/eudr/plots";

import { loadDetail, type DetailProps } from "../../page-loads";

export const dynamic = "force-dynamic";

// Cached per request: the metadata and the page share one read.
const load = cache(async (idParam: string) => {
  const { user, record: plot } = await loadDetail("/eudr", idParam, (u, id) => getPlot(getDb(), u.scope, id));
  return { user, plot };
});

export async function generateMetadata({ params }: DetailProps): Promise<Metadata> {
  const { plot } = await load((await params).id);
  return { title: `Plot ${plot.reference}` };
}

export default async function PlotPage({ params }: DetailProps) {
  const { user, plot } = await load((await params).id);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={<span className="font-mono">{plot.reference}</span>}
        aside={plot.has_problems ? <Badge tone="amber">Has problems</Badge> : <Badge tone="green">Valid</Badge>}
      >
        <Link href="/eudr" className="underline">
          EUDR plots
        </Link>{" "}
        · {plot.producer_name}
      </PageHeader>
      <Card id="plot" title="Plot">
        <Facts
          className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2"
          facts={[
            ["Producer", plot.producer_name],
            ["Organisation", plot.organisation ?? "Staff"],
            ["Country", plot.country],
            ["Region", plot.region ?? "—"],
            ["Kind", plot.geometry.type],
            ["Area", `${plot.area_ha} ha (${plot.geometry.type === "Point" ? "declared" : "computed"})`],
          ]}
        />
        {plot.has_problems && (
          <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300" data-testid="plot-problems">
            {plot.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <PlotMap label={`Map of plot ${plot.reference}`} plots={[{ ...plot, hasProblems: plot.has_problems }]} />
      </Card>
      <Card id="batches" title="Batches from this plot">
        {plot.batches.length === 0 ? (
          <Empty>No batch lists this plot.</Empty>
        ) : (
          <ul className="text-sm">
            {plot.batches.map((b) => (
              <li key={b.id}>
                <Link href={`/batches/${b.id}`} className="font-mono underline">
                  {b.batch_code}
                </Link>{" "}
                · {b.share_pct}%
              </li>
            ))}
          </ul>
        )}
      </Card>
      {can(user, "PATCH /api/plots/[plot_id]") && (
        <Card id="edit" title="Edit">
          <EditPlotForm plot={plot} />
        </Card>
      )}
      <PlotHistory records={plot.history} />
    </div>
  );
}
