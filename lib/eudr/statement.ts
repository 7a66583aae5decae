// A due diligence statement in the EU information system's format: the JSON form of its submitDds
// request (TRACES NT, EUDR API for operators, v1 model: operatorType, statement.commodities[].producers[]
// with a base64 GeoJSON FeatureCollection, associatedStatements), sent as SOAP by lib/eudr/eu-system.ts.
// Pure, so a fixture can pin it; the field mapping is in docs/due-diligence.md.
import type { Point, Polygon } from "geojson";

import type { statementActivities } from "@/lib/db/enums";

import type { RiskAssessment } from "./risk";

/** Green coffee, not roasted, not decaffeinated (Combined Nomenclature 0901 11). */
export const hsHeading = "090111";

export type StatementPlot = {
  reference: string;
  producerName: string;
  country: string;
  areaHa: string;
  geometry: Point | Polygon;
};
export type StatementInput = {
  internalReference: string;
  activity: (typeof statementActivities)[number];
  operator: { name: string; eori: string; address: string; country: string };
  commodities: { description: string; netWeightKg: string; plots: StatementPlot[] }[];
  associated: { referenceNumber: string; verificationNumber: string }[];
  risk: RiskAssessment;
};

/** The plots of one producer as the GeoJSON FeatureCollection the information system takes. */
export function plotsGeoJson(plots: StatementPlot[]) {
  return {
    type: "FeatureCollection" as const,
    features: plots.map((p) => ({
      type: "Feature" as const,
      geometry: p.geometry,
      properties: {
        ProducerName: p.producerName,
        ProducerCountry: p.country,
        ProductionPlace: p.reference,
        Area: Number(p.areaHa),
      },
    })),
  };
}

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64");

/** One entry per producer and country, in the order the plots come. */
function producersOf(plots: StatementPlot[]) {
  const groups = new Map<string, StatementPlot[]>();
  for (const p of plots) {
    const key = `${p.country}\u0000${p.producerName}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((group) => ({
    country: group[0].country,
    name: group[0].producerName,
    geometryGeojson: base64(plotsGeoJson(group)),
  }));
}

function conclusion(risk: RiskAssessment): string {
  if (risk.level === "negligible") return "Risk assessment: negligible risk; every factor checked passes.";
  return `Risk assessment: risk NOT negligible. ${risk.reasons.join(" ")}`;
}

export function buildStatement(input: StatementInput) {
  const crossesBorder = input.activity !== "domestic";
  return {
    operatorType: "OPERATOR",
    statement: {
      internalReferenceNumber: input.internalReference,
      activityType: input.activity.toUpperCase(),
      countryOfActivity: input.operator.country || null,
      borderCrossCountry: crossesBorder ? input.operator.country || null : null,
      comment: conclusion(input.risk),
      commodities: input.commodities.map((c) => ({
        descriptors: {
          descriptionOfGoods: c.description,
          // Kilograms; the decimal string has at most three places, so the number is exact.
          goodsMeasure: { netWeight: Number(c.netWeightKg) },
        },
        hsHeading,
        producers: producersOf(c.plots),
      })),
      operator: {
        referenceNumber: input.operator.eori ? [{ identifierType: "eori", identifierValue: input.operator.eori }] : [],
        nameAndAddress: {
          name: input.operator.name,
          country: input.operator.country || null,
          address: input.operator.address || null,
        },
      },
      geoLocationConfidential: false,
      associatedStatements: input.associated.map((a) => ({
        referenceNumber: a.referenceNumber,
        verificationNumber: a.verificationNumber,
      })),
    },
  };
}

export type StatementDocument = ReturnType<typeof buildStatement>;

/** The plots of a statement, decoded back from its producers' base64 GeoJSON. */
export function decodeProducers(document: StatementDocument) {
  return document.statement.commodities.flatMap((c) =>
    c.producers.map((p) => ({
      ...p,
      geojson: JSON.parse(Buffer.from(p.geometryGeojson, "base64").toString("utf8")) as ReturnType<typeof plotsGeoJson>,
    })),
  );
}
