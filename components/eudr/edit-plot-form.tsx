"use client";

// Edit a plot: its producer, region, declared area and geometry (GeoJSON); the whole plot is checked
// again and the edit lands in its history.
import { Button } from "@/components/ui/button";
import { field, labelStyle } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { useHydrated } from "@/components/use-hydrated";
import type { PlotJson } from "@/lib/eudr/plots";

export function EditPlotForm({ plot }: { plot: PlotJson }) {
  const { call, error, pending } = useApiCall();
  const isReady = useHydrated();
  useOutcomeToast({ pending, error, success: "Plot saved.", isErrorInline: true });
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    let geometry: unknown;
    try {
      geometry = JSON.parse(value("geometry"));
    } catch {
      geometry = value("geometry");
    }
    await call(
      "PATCH /api/plots/[plot_id]",
      {
        params: { plot_id: plot.id },
        body: {
          producer_name: value("producer_name"),
          region: value("region") || null,
          ...(plot.geometry.type === "Point" || (geometry as { type?: string })?.type === "Point"
            ? { area_ha: value("area_ha") || null }
            : {}),
          geometry: geometry as PlotJson["geometry"],
        },
      },
      form,
    );
  };
  return (
    <form onSubmit={submit} aria-label="Edit plot" className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        <label className={`flex flex-col gap-1 ${labelStyle}`}>
          Producer name
          <input name="producer_name" defaultValue={plot.producer_name} required className={`${field} w-64`} />
        </label>
        <label className={`flex flex-col gap-1 ${labelStyle}`}>
          Region
          <input name="region" defaultValue={plot.region ?? ""} className={`${field} w-48`} />
        </label>
        <label className={`flex flex-col gap-1 ${labelStyle}`}>
          Declared area (ha, points only)
          <input
            name="area_ha"
            defaultValue={plot.geometry.type === "Point" ? plot.area_ha : ""}
            className={`${field} w-32`}
          />
        </label>
      </div>
      <label className={`flex flex-col gap-1 ${labelStyle}`}>
        Geometry (GeoJSON, longitude first)
        <textarea
          name="geometry"
          defaultValue={JSON.stringify(plot.geometry)}
          rows={4}
          className={`${field} font-mono text-xs`}
        />
      </label>
      <div>
        <Button type="submit" isPending={!isReady || pending}>
          {pending ? "Saving…" : "Save plot"}
        </Button>
      </div>
      <FieldError id={`plot-${plot.id}-error`} message={error} />
    </form>
  );
}
