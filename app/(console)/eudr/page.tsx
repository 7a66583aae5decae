// /eudr — the plots coffee is grown on (EUDR): filters, the list with what validation found, and the
// upload of many plots at once with its per-row report. Members see and file their organisation's.
import type { Metadata } from "next";

import { EudrTabs } from "@/components/eudr/eudr-tabs";
import { PlotFilters } from "@/components/eudr/plot-filters";
import { PlotsTable } from "@/components/eudr/plots-table";
import { UploadForm } from "@/components/eudr/upload-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PagedList } from "@/components/ui/paged-list";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listPlotCountries, listPlots } from "@/lib/eudr/plots";
import { ZPlotQuery } from "@/lib/eudr/schemas";

import { openList, type ListProps } from "../page-loads";

export const metadata: Metadata = { title: "EUDR plots" };
export const dynamic = "force-dynamic";

const filterNames = ["q", "country", "has_problems"] as const;

/** What the page shows: a member sees its organisation's own, the operating company's staff everything. */
const intro = {
  member:
    "Your organisation's plots: where its coffee is grown, checked against the EU Deforestation Regulation's geolocation rules.",
  staff:
    "The plots coffee is grown on, checked against the EU Deforestation Regulation's geolocation rules. A batch is EUDR-ready when its plots are valid and their shares sum to 100%.",
};

export default async function EudrPage({ searchParams }: ListProps) {
  const { user, values, load } = await openList("/eudr", searchParams, filterNames);
  const db = getDb();
  const [list, countries] = await Promise.all([
    load(ZPlotQuery, (q) => listPlots(db, user.scope, q)),
    listPlotCountries(db, user.scope),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="EUDR plots">{user.isMember ? intro.member : intro.staff}</PageHeader>
      <EudrTabs current="plots" />
      {can(user, "POST /api/plots/upload") && (
        <Card id="upload" title="Upload plots">
          <p className="text-sm text-stone-600 dark:text-stone-400">
            A GeoJSON FeatureCollection (properties: reference, producer_name, country, region, area_ha for points) or a
            CSV with the columns reference, producer_name, country, region, area_ha and latitude/longitude (a point) or
            geometry (GeoJSON). A row whose reference exists is updated; a row that cannot be a plot is refused and
            changes nothing.
          </p>
          <UploadForm />
        </Card>
      )}
      <PlotFilters values={values} countries={countries} />
      <PagedList {...list} nextLabel="Older plots" empty="No plot matches these filters.">
        {(page) => <PlotsTable plots={page.data} />}
      </PagedList>
    </div>
  );
}
