"use client";

// Upload a plots file (GeoJSON FeatureCollection or CSV) and read the report: each row created,
// updated, unchanged or refused with its reasons.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field, labelStyle } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";
import type { ResponseOf } from "@/lib/endpoints/define";
import type { plots } from "@/lib/endpoints/plots";

type Report = ResponseOf<typeof plots.uploadPlots>;

export function UploadForm() {
  const { call, error, pending } = useApiCall();
  const isReady = useHydrated();
  const [report, setReport] = useState<Report | null>(null);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return;
    const chosen = (form.elements.namedItem("format") as HTMLSelectElement).value;
    const format = chosen === "csv" || (chosen === "" && /\.csv$/i.test(file.name)) ? "csv" : "geojson";
    setReport(await call("POST /api/plots/upload", { body: { format, content: await file.text() } }, form));
  };
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={submit} aria-label="Upload plots" className="flex flex-wrap items-end gap-3">
        <label className={`flex flex-col gap-1 ${labelStyle}`}>
          Plots file (GeoJSON or CSV)
          <input
            name="file"
            type="file"
            accept=".geojson,.json,.csv,text/csv,application/geo+json"
            required
            className={field}
          />
        </label>
        <label className={`flex flex-col gap-1 ${labelStyle}`}>
          Format
          <select name="format" defaultValue="" className={field}>
            <option value="">From the file name</option>
            <option value="geojson">GeoJSON</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <Button type="submit" isPending={!isReady || pending}>
          {pending ? "Uploading…" : "Upload"}
        </Button>
      </form>
      <FieldError id="upload-error" message={error} />
      <div aria-live="polite">
        {report && (
          <div className="flex flex-col gap-2" data-testid="upload-report">
            <p className="text-sm font-medium" role="status">
              {report.rows} row{report.rows === 1 ? "" : "s"}: {report.created} created, {report.updated} updated,{" "}
              {report.unchanged} unchanged, {report.refused} refused.
            </p>
            <Table isFramed={false} label="Upload report">
              <TableHead columns={["Row", "Reference", "Outcome", "Reasons / problems"]} />
              <tbody>
                {report.report.map((r) => (
                  <Row key={r.row} data-testid="report-row" data-outcome={r.outcome}>
                    <td className={cellClass}>{r.row}</td>
                    <td className={`${cellClass} font-mono`}>{r.reference ?? "—"}</td>
                    <td className={cellClass}>{r.outcome}</td>
                    <td className={`${cellClass} text-xs`}>{[...r.reasons, ...r.problems].join(" ") || "—"}</td>
                  </Row>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </div>
    </div>
  );
}
