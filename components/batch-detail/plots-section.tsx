// The batch's plots (EUDR): whether it is EUDR-ready and why not, the plots on a map and in a table
// with their shares and problems, the list's hash, and (for operators) the form that links plots.

import { LinkPlotsForm } from "@/components/eudr/link-plots-form";
import { PlotCells } from "@/components/eudr/plot-cells";
import { PlotMap } from "@/components/eudr/plot-map";
import { Badge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import type { PageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { getBatchPlots } from "@/lib/eudr/batch-plots";
import { listPlots } from "@/lib/eudr/plots";

export async function PlotsSection({ batchId, user }: { batchId: number; user: PageUser }) {
  const db = getDb();
  const canLink = can(user, "PUT /api/batches/[batch_id]/plots");
  const [list, choices] = await Promise.all([
    getBatchPlots(db, user.scope, batchId),
    canLink ? listPlots(db, user.scope, { limit: 200 }) : null,
  ]);
  return (
    <Card
      id="plots"
      title="Plots (EUDR)"
      actions={
        <span data-testid="eudr-state">
          {list.is_eudr_ready ? <Badge tone="green">EUDR-ready</Badge> : <Badge tone="amber">Not EUDR-ready</Badge>}
        </span>
      }
    >
      {list.reasons.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300" data-testid="eudr-reasons">
          {list.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {list.plots.length === 0 ? (
        <Empty>No plots are linked to this batch.</Empty>
      ) : (
        <>
          <PlotMap
            label={`Map of the ${list.plots.length} plot${list.plots.length > 1 ? "s" : ""} batch ${list.batch_code} came from`}
            plots={list.plots.map((p) => ({ ...p, hasProblems: p.has_problems }))}
          />
          <Table isFramed={false} label="Plots of this batch">
            <TableHead
              columns={["Plot", "Producer", "Country / region", numeric("Area (ha)"), numeric("Share"), "Problems"]}
            />
            <tbody>
              {list.plots.map((p) => (
                <tr key={p.id} className={rowClass} data-testid="batch-plot" data-reference={p.reference}>
                  <PlotCells plot={p} />
                  <td className={numericCellClass}>{p.area_ha}</td>
                  <td className={numericCellClass}>{p.share_pct}%</td>
                  <td className={`${cellClass} text-amber-800 dark:text-amber-300`}>{p.problems.join(" ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="text-xs text-stone-500">
            Plot list hash (sha-256, recorded in the audit log and anchored on chain):{" "}
            <span className="font-mono break-all" data-testid="plots-hash">
              {list.plots_hash}
            </span>
          </p>
        </>
      )}
      {choices && (
        <LinkPlotsForm
          batchId={batchId}
          current={list.plots.map((p) => ({ plot_id: p.id, share_pct: p.share_pct }))}
          choices={[
            // The batch's own plots first, so the list always offers what it holds.
            ...list.plots,
            ...choices.data.filter((c) => !list.plots.some((p) => p.id === c.id)),
          ].map((p) => ({
            id: p.id,
            label: `${p.reference} · ${p.producer_name}${p.has_problems ? " (has problems)" : ""}`,
          }))}
        />
      )}
    </Card>
  );
}
