// Each history record as EPCIS 2.0 events (plain JSON-LD objects, before their hash ids): which event
// type, action, business step and disposition a record is, where it happened, who owned what.
// The mapping is docs/epcis.md's table; change both together.
import { gramsToKg } from "@/lib/chain/units";
import { lotFor } from "@/lib/gs1/digital-link";
import { companyGln, gtinFor } from "@/lib/gs1/gtin";

import type { HistoryBatch, HistoryRecord, Movement } from "./history";

/** Batchtrail's own fields on an event (`bt:grade`), a JSON-LD prefix of the document's context. */
export const extensionContext = { bt: "urn:batchtrail:epcis:" };

export type EpcisEvent = Record<string, unknown> & { type: "ObjectEvent"; eventTime: string };
type Ids = { companyPrefix: string };

/** The batch as an LGTIN class: its GTIN and lot, in GS1's canonical Digital Link form. */
export const batchClass = (batch: HistoryBatch, ids: Ids) =>
  `https://id.gs1.org/01/${gtinFor(ids.companyPrefix, batch.originCountry)}/10/${lotFor(batch)}`;

/** AI 254 (a GLN extension) takes up to 20 characters of GS1's set 82; warehouse codes fit it. */
const glnExtension = /^[A-Za-z0-9!"%&'()*+,\-./:;<=>?_]{1,20}$/;

/**
 * A warehouse as a location: the company GLN extended by its code, or, for a name the ledger could not
 * match to a warehouse code (a batch's metadata may name any place), a private URN of that name.
 */
const location = (ids: Ids, warehouse: string | null) =>
  warehouse
    ? {
        id: glnExtension.test(warehouse)
          ? `https://id.gs1.org/414/${companyGln(ids.companyPrefix)}/254/${encodeURIComponent(warehouse)}`
          : `urn:batchtrail:location:${encodeURIComponent(warehouse)}`,
      }
    : undefined;
type Location = ReturnType<typeof location>;
const party = (batch: HistoryBatch, holder: string | null) =>
  holder ? `did:pkh:eip155:${batch.chainId}:${holder}` : undefined;
const owners = (kind: "source" | "destination", batch: HistoryBatch, holder: string | null) => {
  const id = party(batch, holder);
  return id ? [{ type: "owning_party", [kind]: id }] : undefined;
};
/** A business transaction in CBV's own form: urn:epcglobal:cbv:bt:{GLN}:{id}. */
const transaction = (ids: Ids, type: "po" | "rma", id: string) => ({
  type,
  bizTransaction: `urn:epcglobal:cbv:bt:${companyGln(ids.companyPrefix)}:${id}`,
});
const kg = (grams: bigint) => Number(gramsToKg(grams));
const number = (decimal: string | null) => (decimal === null ? undefined : Number(decimal));

/** Drops the fields a record does not have: EPCIS has no nulls. */
const defined = (event: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined && v !== null)) as EpcisEvent;

function base(r: HistoryRecord, ids: Ids, record = r.record) {
  return {
    type: "ObjectEvent" as const,
    eventTime: r.at.toISOString(),
    eventTimeZoneOffset: "+00:00",
    "bt:record": record,
    batchClass: batchClass(r.batch, ids),
  };
}

/** The quantity list of one class: the batch, with kilograms when the record counts them. */
const quantity = (epcClass: string, grams?: bigint) => [
  grams === undefined ? { epcClass } : { epcClass, quantity: kg(grams), uom: "KGM" },
];

/** What happened and why, in CBV's words: the action, the business step and the disposition after it. */
const step = (action: string, bizStep: string, disposition?: string) => ({ action, bizStep, disposition });
/** Where it was seen, and where it stays afterwards (none when it leaves). */
const where = (readPoint?: Location, bizLocation?: Location) => ({ readPoint, bizLocation });

const adjustmentSteps: Record<string, [string, string]> = {
  count_correction: ["cycle_counting", "active"],
  moisture_loss: ["cycle_counting", "active"],
  sample: ["sampling", "active"],
  damage: ["removing", "damaged"],
  loss: ["cycle_counting", "unknown"],
};

function movementEvents(m: Movement, ids: Ids): EpcisEvent[] {
  const { batchClass: epcClass, ...head } = base(m, ids);
  const common = { ...head, quantityList: quantity(epcClass, m.grams), "bt:txHash": m.txHash ?? undefined };
  return movementSteps(m, ids).map((fields) => defined({ ...common, ...fields }));
}

/** What each kind of movement adds to the common fields: one event, or two for a warehouse move. */
function movementSteps(m: Movement, ids: Ids): Record<string, unknown>[] {
  const from = location(ids, m.fromWarehouse);
  const to = location(ids, m.toWarehouse);
  const sources = owners("source", m.batch, m.fromHolder);
  const destinations = owners("destination", m.batch, m.toHolder);
  const parties = { sourceList: sources, destinationList: destinations };
  const order = m.shipment && transaction(ids, "po", `order-${m.shipment.orderId}`);
  const rma = m.shipment?.returnId ? transaction(ids, "rma", `return-${m.shipment.returnId}`) : undefined;
  const isDisposal = m.shipment?.purpose === "disposal";
  switch (m.type) {
    case "minted":
      return [{ ...step("ADD", "commissioning", "active"), ...where(to, to), destinationList: destinations }];
    case "transferred": {
      const accepted = isDisposal ? step("OBSERVE", "shipping", "returned") : step("OBSERVE", "accepting");
      return [
        { ...accepted, ...where(from, isDisposal ? undefined : to), ...parties, bizTransactionList: rma && [rma] },
      ];
    }
    case "moved":
      return [
        { "bt:record": `${m.record}#departing`, ...step("OBSERVE", "departing", "in_transit"), ...where(from) },
        { "bt:record": `${m.record}#arriving`, ...step("OBSERVE", "arriving", "in_progress"), ...where(to, to) },
      ];
    case "adjusted": {
      const [bizStep, disposition] = adjustmentSteps[m.reason ?? ""] ?? ["cycle_counting", "active"];
      const isCountUp = m.fromHolder === null;
      const counted = isCountUp ? step("ADD", bizStep, "active") : step("DELETE", bizStep, disposition);
      const place = isCountUp ? to : from;
      return [{ ...counted, ...where(place, place), "bt:reason": m.reason ?? undefined }];
    }
    case "shipped": {
      const shipped = m.toHolder ? step("OBSERVE", "shipping", "in_transit") : step("DELETE", "shipping", "inactive");
      return [{ ...shipped, ...where(from), ...parties, bizTransactionList: order && [order] }];
    }
    case "returned":
      return [
        { ...step("OBSERVE", "receiving", "returned"), ...where(to, to), ...parties, bizTransactionList: rma && [rma] },
      ];
    case "redeemed": {
      const redeemed = isDisposal
        ? step("DELETE", "destroying", "destroyed")
        : step("DELETE", "decommissioning", "inactive");
      return [{ ...redeemed, ...where(from), sourceList: sources, bizTransactionList: rma && [rma] }];
    }
    default:
      return [];
  }
}

const conformance = (grade: string | null) =>
  grade === "specialty" || grade === "premium" ? "conformant" : "non_conformant";

/** The events one record is (a warehouse move is two: departing and arriving). */
export function eventsOf(r: HistoryRecord, ids: Ids): EpcisEvent[] {
  if (r.kind === "movement") return movementEvents(r, ids);
  const { batchClass: epcClass, ...head } = base(r, ids);
  switch (r.kind) {
    case "quality_check":
      return [
        defined({
          ...head,
          ...step("OBSERVE", "inspecting", conformance(r.grade)),
          quantityList: quantity(epcClass),
          "bt:grade": r.grade,
          "bt:cuppingScore": Number(r.cuppingScore),
          "bt:moisturePct": Number(r.moisturePct),
          "bt:primaryDefects": r.primaryDefects,
          "bt:secondaryDefects": r.secondaryDefects,
          "bt:fullDefects": Number(r.fullDefects),
          "bt:rulesVersion": r.rulesVersion,
        }),
      ];
    case "verification":
      return [
        defined({
          ...head,
          ...step("OBSERVE", "inspecting", r.isApproved ? "conformant" : "mismatch_quantity"),
          quantityList:
            r.countedKg === null ? quantity(epcClass) : [{ epcClass, quantity: Number(r.countedKg), uom: "KGM" }],
          "bt:onchainQuantityKg": number(r.onchainKg),
          "bt:discrepancyKg": number(r.discrepancyKg),
        }),
      ];
    case "return_inspection":
      return [
        defined({
          ...head,
          ...step("OBSERVE", "inspecting", r.isContaminated ? "non_conformant" : "returned"),
          ...where(location(ids, r.warehouse), location(ids, r.warehouse)),
          quantityList: quantity(epcClass, r.grams),
          bizTransactionList: [transaction(ids, "rma", `return-${r.returnId}`)],
          "bt:grade": r.grade ?? undefined,
          "bt:contaminated": r.isContaminated ?? undefined,
        }),
      ];
    case "expiry":
      return [defined({ ...head, ...step("OBSERVE", "holding", "expired"), quantityList: quantity(epcClass) })];
  }
}
