// The client for the EU information system (TRACES NT, EUDR API for operators): submitDds on the
// submission service answers the statement's DDS identifier; getDdsInfo on the retrieval service
// answers its reference and verification numbers once the system has made it AVAILABLE. A SOAP
// Fault is the system's refusal, in its own words. Envelopes: lib/eudr/soap.ts.
import "server-only";

import { ApiError } from "@/lib/api/errors";

import { buildRequest, faultOf, ns, parseEnvelope, type Credentials, type XmlNode } from "./soap";
import type { StatementDocument } from "./statement";

/** The services' base URL (…/tracesnt/ws) and who calls them. */
export type EuSystem = Credentials & { url: string };
export type FiledNumbers = { ddsIdentifier: string; referenceNumber: string; verificationNumber: string };

const timeoutMs = 15_000;
// The system makes a statement AVAILABLE after checks of its own: ask a few times, a second apart.
const polls = 5;
const pollDelayMs = 1_000;

export const serviceUrl = (base: string, service: "EUDRSubmissionServiceV1" | "EUDRRetrievalServiceV1") =>
  `${base.replace(/\/+$/, "")}/${service}`;

/** Keys in `prefix`'s namespace, absent values and empty lists left out (the schema makes them optional). */
function inNamespace(prefix: string, fields: Record<string, unknown>): XmlNode {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [`${prefix}:${k}`, v]),
  );
}
const model = (fields: Record<string, unknown>) => inNamespace("model", fields);

/** The statement in the order the model schema (DueDiligenceStatementBaseType) sets. */
function statementXml({ statement: s }: StatementDocument): XmlNode {
  return model({
    internalReferenceNumber: s.internalReferenceNumber,
    activityType: s.activityType,
    operator: model({
      referenceNumber: s.operator.referenceNumber.map(model),
      nameAndAddress: inNamespace("base", s.operator.nameAndAddress),
    }),
    countryOfActivity: s.countryOfActivity,
    borderCrossCountry: s.borderCrossCountry,
    comment: s.comment,
    commodities: s.commodities.map((c) =>
      model({
        descriptors: model({
          descriptionOfGoods: c.descriptors.descriptionOfGoods,
          goodsMeasure: model({ netWeight: c.descriptors.goodsMeasure.netWeight }),
        }),
        hsHeading: c.hsHeading,
        producers: c.producers.map(model),
      }),
    ),
    geoLocationConfidential: s.geoLocationConfidential,
    associatedStatements: s.associatedStatements.map(model),
  });
}

async function call(system: EuSystem, url: string, action: string, body: XmlNode, what: string) {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8", soapaction: `"${action}"` },
      body: buildRequest(system, body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    throw new ApiError(
      "rule_broken",
      `The EU information system at ${url} could not be reached: ${(error as Error).message}`,
    );
  }
  const text = await response.text().catch(() => "");
  const answer = parseEnvelope(text);
  const fault = answer && faultOf(answer.body);
  if (fault) throw new ApiError("rule_broken", `The EU information system refused ${what}: ${fault}`);
  if (!response.ok || !answer)
    throw new ApiError(
      "rule_broken",
      `The EU information system answered ${what} with HTTP ${response.status}: ${text.slice(0, 300) || response.statusText}`,
    );
  return answer.body;
}

const textOf = (value: unknown) => (typeof value === "string" ? value.trim() : "");

async function submitDds(system: EuSystem, document: StatementDocument) {
  const body = await call(
    system,
    serviceUrl(system.url, "EUDRSubmissionServiceV1"),
    ns.submission,
    {
      "submission:SubmitStatementRequest": {
        "submission:operatorType": document.operatorType,
        "submission:statement": statementXml(document),
      },
    },
    "the statement",
  );
  const identifier = textOf((body.SubmitStatementResponse as XmlNode | undefined)?.ddsIdentifier);
  if (!identifier) throw new ApiError("rule_broken", "The EU information system answered without a DDS identifier.");
  return identifier;
}

async function getDdsInfo(system: EuSystem, identifier: string) {
  const body = await call(
    system,
    serviceUrl(system.url, "EUDRRetrievalServiceV1"),
    "http://ec.europa.eu/tracesnt/certificate/eudr/retrieval/getDdsInfo",
    { "retrieval:GetStatementInfoRequest": { "retrieval:identifier": identifier } },
    `the request for statement ${identifier}`,
  );
  const infos = (body.GetStatementInfoResponse as XmlNode | undefined)?.statementInfo;
  const info = ([infos].flat()[0] ?? {}) as XmlNode;
  const status = typeof info.status === "object" ? (info.status as XmlNode).status : info.status;
  return {
    status: textOf(status),
    referenceNumber: textOf(info.referenceNumber),
    verificationNumber: textOf(info.verificationNumber),
  };
}

/** Files the statement; answers its numbers, or throws the system's refusal in words. */
export async function fileStatement(system: EuSystem, document: StatementDocument): Promise<FiledNumbers> {
  const ddsIdentifier = await submitDds(system, document);
  let info = { status: "", referenceNumber: "", verificationNumber: "" };
  for (let i = 0; i < polls; i++) {
    if (i) await new Promise((resolve) => setTimeout(resolve, pollDelayMs));
    info = await getDdsInfo(system, ddsIdentifier);
    if (info.status !== "SUBMITTED") break;
  }
  if (info.status === "AVAILABLE" && info.referenceNumber && info.verificationNumber)
    return { ddsIdentifier, referenceNumber: info.referenceNumber, verificationNumber: info.verificationNumber };
  throw new ApiError(
    "rule_broken",
    `The EU information system took the statement as ${ddsIdentifier} but has not made it available (status ${info.status || "unknown"}); look it up in TRACES before filing again.`,
  );
}
