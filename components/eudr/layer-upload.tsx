"use client";

// Uploads a deforestation layer: a GeoJSON file of the areas deforested after 2020-12-31.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useApiCall } from "@/components/use-api-call";

export function LayerUpload() {
  const { call, error, pending } = useApiCall();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      aria-label="Upload a deforestation layer"
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblem(null);
        const form = new FormData(e.currentTarget);
        const file = form.get("file");
        if (!(file instanceof File) || !file.size) return setProblem("Choose a GeoJSON file.");
        let geojson: unknown;
        try {
          geojson = JSON.parse(await file.text());
        } catch {
          return setProblem(`${file.name} is not JSON.`);
        }
        const name = String(form.get("name") || file.name);
        await call("POST /api/due-diligence/layers", { body: { name, geojson } as never });
      }}
    >
      <label className="flex flex-col text-xs">
        Name
        <input name="name" maxLength={200} className="rounded border border-stone-300 px-2 py-1 text-sm" />
      </label>
      <label className="flex flex-col text-xs">
        GeoJSON FeatureCollection of deforested polygons
        <input name="file" type="file" accept=".geojson,.json,application/geo+json,application/json" />
      </label>
      <Button type="submit" isPending={pending}>
        {pending ? "Uploading…" : "Upload layer"}
      </Button>
      {(problem ?? error) && <Notice>{problem ?? error}</Notice>}
    </form>
  );
}
