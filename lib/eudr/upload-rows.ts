// A plots file read into rows: a GeoJSON FeatureCollection (each feature's properties and geometry)
// or a CSV with a header row (a point from latitude/longitude, or GeoJSON in a `geometry` column).
// A file that cannot be read at all is refused whole; a row that cannot be read is refused alone.
import Papa from "papaparse";

import { ApiError } from "@/lib/api/errors";

export type RawRow = { row: number; fields: Record<string, unknown> } | { row: number; reasons: string[] };

export const maxUploadRows = 5_000;
const fieldNames = ["reference", "producer_name", "country", "region", "area_ha"] as const;

const refuseFile = (message: string) =>
  new ApiError("validation_error", `The file cannot be read: ${message}`, [{ path: "content", message }]);

/** A blank cell or property is absent; numbers (GeoJSON's area_ha) become decimal text. */
function pick(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of fieldNames) {
    const v = source[name];
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) continue;
    out[name] = typeof v === "number" ? String(v) : v;
  }
  return out;
}

export function readGeoJson(content: string): RawRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw refuseFile("it is not JSON.");
  }
  const d = doc as { type?: unknown; features?: unknown };
  if (d?.type !== "FeatureCollection" || !Array.isArray(d.features))
    throw refuseFile('a GeoJSON file must be a FeatureCollection ({"type": "FeatureCollection", "features": […]}).');
  if (d.features.length > maxUploadRows)
    throw refuseFile(`it has ${d.features.length} features; at most ${maxUploadRows}.`);
  if (!d.features.length) throw refuseFile("it has no features.");
  return d.features.map((f: unknown, i): RawRow => {
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (feature?.type !== "Feature" || typeof feature.properties !== "object" || feature.properties === null)
      return { row: i + 1, reasons: ["is not a GeoJSON Feature with properties."] };
    return {
      row: i + 1,
      fields: { ...pick(feature.properties as Record<string, unknown>), geometry: feature.geometry },
    };
  });
}

const decimalText = /^-?\d{1,3}(\.\d+)?$/;

export function readCsv(content: string): RawRow[] {
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const columns = parsed.meta.fields ?? [];
  const lacking = ["reference", "producer_name", "country"].filter((c) => !columns.includes(c));
  if (lacking.length) throw refuseFile(`the header row lacks ${lacking.join(", ")}.`);
  if (!columns.includes("geometry") && !(columns.includes("latitude") && columns.includes("longitude")))
    throw refuseFile("the header row needs latitude and longitude columns, or a geometry column.");
  if (parsed.data.length > maxUploadRows)
    throw refuseFile(`it has ${parsed.data.length} rows; at most ${maxUploadRows}.`);
  if (!parsed.data.length) throw refuseFile("it has no rows under its header.");
  const broken = new Map(parsed.errors.map((e) => [e.row ?? -1, e.message]));
  return parsed.data.map((cells, i): RawRow => {
    const row = i + 1;
    if (broken.has(i)) return { row, reasons: [`cannot be read: ${broken.get(i)}.`] };
    const geometry = cells.geometry?.trim();
    if (geometry) {
      try {
        return { row, fields: { ...pick(cells), geometry: JSON.parse(geometry) } };
      } catch {
        return { row, reasons: ["geometry: is not GeoJSON."] };
      }
    }
    const [lat, lon] = [cells.latitude?.trim() ?? "", cells.longitude?.trim() ?? ""];
    const bad = [
      ...(decimalText.test(lat) ? [] : [`latitude: "${lat}" is not a number.`]),
      ...(decimalText.test(lon) ? [] : [`longitude: "${lon}" is not a number.`]),
    ];
    if (bad.length) return { row, reasons: bad };
    return { row, fields: { ...pick(cells), geometry: { type: "Point", coordinates: [Number(lon), Number(lat)] } } };
  });
}
