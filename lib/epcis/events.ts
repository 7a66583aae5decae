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
  const from = location(ids, m.fromWarehouse);
  const to = location(ids, m.toWarehouse);
  const sources = owners("source", m.batch, m.fromHolder);
  const destinations = owners("destination", m.batch, m.toHolder);
  const order = m.shipment && transaction(ids, "po", `order-${m.shipment.orderId}`);
  const rma = m.shipment?.returnId ? transaction(ids, "rma", `return-${m.shipment.returnId}`) : undefined;
  const isDisposal = m.shipment?.purpose === "disposal";
  switch (m.type) {
    case "minted":
      return [
        defined({
          ...common,
          action: "ADD",
          bizStep: "commissioning",
          disposition: "active",
          readPoint: to,
          bizLocation: to,
          destinationList: destinations,
        }),
      ];
    case "transferred":
      return [
        defined({
          ...common,
          action: "OBSERVE",
          bizStep: isDisposal ? "shipping" : "accepting",
          disposition: isDisposal ? "returned" : undefined,
          readPoint: from,
          bizLocation: isDisposal ? undefined : to,
          sourceList: sources,
          destinationList: destinations,
          bizTransactionList: rma && [rma],
        }),
      ];
    case "moved":
      return [
        defined({
          ...common,
          "bt:record": `${m.record}#departing`,
          action: "OBSERVE",
          bizStep: "departing",
          disposition: "in_transit",
          readPoint: from,
        }),
        defined({
          ...common,
          "bt:record": `${m.record}#arriving`,
          action: "OBSERVE",
          bizStep: "arriving",
          disposition: "in_progress",
          readPoint: to,
          bizLocation: to,
        }),
      ];
    case "adjusted": {
      const [bizStep, disposition] = adjustmentSteps[m.reason ?? ""] ?? ["cycle_counting", "active"];
      const isCountUp = m.fromHolder === null;
      return [
        defined({
          ...common,
          action: isCountUp ? "ADD" : "DELETE",
          bizStep,
          disposition: isCountUp ? "active" : disposition,
          readPoint: isCountUp ? to : from,
          bizLocation: isCountUp ? to : from,
          "bt:reason": m.reason ?? undefined,
        }),
      ];
    }
    case "shipped":
      return [
        defined({
          ...common,
          action: m.toHolder ? "OBSERVE" : "DELETE",
          bizStep: "shipping",
          disposition: m.toHolder ? "in_transit" : "inactive",
          readPoint: from,
          sourceList: sources,
          destinationList: destinations,
          bizTransactionList: order && [order],
        }),
      ];
    case "returned":
      return [
        defined({
          ...common,
          action: "OBSERVE",
          bizStep: "receiving",
          disposition: "returned",
          readPoint: to,
          bizLocation: to,
          sourceList: sources,
          destinationList: destinations,
          bizTransactionList: rma && [rma],
        }),
      ];
    case "redeemed":
      return [
        defined({
          ...common,
          action: "DELETE",
          bizStep: isDisposal ? "destroying" : "decommissioning",
          disposition: isDisposal ? "destroyed" : "inactive",
          readPoint: from,
          sourceList: sources,
          bizTransactionList: rma && [rma],
        }),
      ];
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
          action: "OBSERVE",
          bizStep: "inspecting",
          disposition: conformance(r.grade),
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
          action: "OBSERVE",
          bizStep: "inspecting",
          disposition: r.isApproved ? "conformant" : "mismatch_quantity",
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
          action: "OBSERVE",
          bizStep: "inspecting",
          disposition: r.isContaminated ? "non_conformant" : "returned",
          readPoint: location(ids, r.warehouse),
          bizLocation: location(ids, r.warehouse),
          quantityList: quantity(epcClass, r.grams),
          bizTransactionList: [transaction(ids, "rma", `return-${r.returnId}`)],
          "bt:grade": r.grade ?? undefined,
          "bt:contaminated": r.isContaminated ?? undefined,
        }),
      ];
    case "expiry":
      return [
        defined({
          ...head,
          action: "OBSERVE",
          bizStep: "holding",
          disposition: "expired",
          quantityList: quantity(epcClass),
        }),
      ];
  }
}
