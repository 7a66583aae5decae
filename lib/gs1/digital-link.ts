// GS1 Digital Link URIs for batches: `{base}/01/{GTIN-14}/10/{lot}`, built and checked with
// digital-link.js. The lot (AI 10, at most 20 characters) is the batch code when it fits; a longer
// code is written `id.{batch id}` (batch codes are upper case and have no dot, so the two never meet).
import { DigitalLink } from "digital-link.js";

const lotLimit = 20;
const idLot = /^id\.([1-9]\d{0,15})$/;

export type BatchLot = { batchId: number } | { batchCode: string };

export const lotFor = (batch: { id: number; batchCode: string }): string =>
  batch.batchCode.length <= lotLimit ? batch.batchCode : `id.${batch.id}`;

/** What a lot names: a batch by its id (`id.12`) or by its code. */
export function readLot(lot: string): BatchLot {
  const id = idLot.exec(lot);
  return id ? { batchId: Number(id[1]) } : { batchCode: lot };
}

/** The Digital Link URI of a batch under `baseUrl`; throws when the library finds it invalid. */
export function digitalLinkFor(baseUrl: string, gtin: string, lot: string): string {
  const link = DigitalLink({
    domain: baseUrl.replace(/\/+$/, ""),
    identifier: { "01": gtin },
    keyQualifiers: { "10": lot },
  });
  if (!link.isValid()) throw new Error(`Not a valid GS1 Digital Link: GTIN ${gtin}, lot ${lot}`);
  return link.toWebUriString();
}

/** The GTIN and lot a Digital Link URI carries; null when it is not a valid one with both. */
export function readDigitalLink(uri: string): { gtin: string; lot: string } | null {
  let link;
  try {
    link = DigitalLink(uri);
  } catch {
    return null;
  }
  if (!link.isValid()) return null;
  const gtin = link.getIdentifier()["01"];
  const lot = link.getKeyQualifiers()["10"];
  return gtin && lot ? { gtin, lot } : null;
}
