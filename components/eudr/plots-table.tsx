// The plots list: reference (to the plot's page), producer, place, area, kind and what validation found.
import { Badge } from "@/components/ui/badge";
import { cellClass, numeric, numericCellClass, Row, Table, TableHead } from "@/components/ui/table";
import type { PlotJson } from "@/lib/eudr/plots";

import { PlotCells } from "./plot-cells";

export function PlotsTable({ plots }: { plots: PlotJson[] }) {
  return (
    <Table isFramed={false} label="Plots" testId="plots-table">
      <TableHead
        columns={["Plot", "Producer", "Country / region", "Organisation", "Kind", numeric("Area (ha)"), "Validation"]}
      />
      <tbody>
        {plots.map((p) => (
          <Row key={p.id} data-testid="plot-row" data-reference={p.reference}>
            <PlotCells plot={p} />
            <td className={cellClass}>{p.organisation ?? "Staff"}</td>
            <td className={cellClass}>{p.geometry.type === "Point" ? "Point" : "Polygon"}</td>
            <td className={numericCellClass}>{p.area_ha}</td>
            <td className={`${cellClass} max-w-md`}>
              {p.has_problems ? (
                <>
                  <Badge tone="amber">{`${p.problems.length} problem${p.problems.length > 1 ? "s" : ""}`}</Badge>
                  <ul className="mt-1 text-xs text-amber-800 dark:text-amber-300">
                    {p.problems.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <Badge tone="green">Valid</Badge>
              )}
            </td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
