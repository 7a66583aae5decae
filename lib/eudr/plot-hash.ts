// The fingerprint of a batch's plot list: sha-256 over a canonical JSON (keys sorted, no spaces) of
// the plots sorted by reference, each as its reference, geometry and share. Recorded in the audit
// log whenever the list or one of its plots changes, so the audit anchor puts it on chain.
import { createHash } from "node:crypto";

export type HashedPlot = { reference: string; geometry: unknown; share_pct: string };

/** JSON with every object's keys sorted, so the same value always reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function plotListHash(plots: readonly HashedPlot[]): string {
  const sorted = [...plots]
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
    .map((p) => ({ reference: p.reference, geometry: p.geometry, share_pct: p.share_pct }));
  return createHash("sha256").update(canonicalJson(sorted)).digest("hex");
}
