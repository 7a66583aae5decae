// A local stand-in for the EU information system on 127.0.0.1, speaking its protocol (SOAP 1.1, EUDR
// API for operators v1): …/EUDRSubmissionServiceV1 takes submitDds, …/EUDRRetrievalServiceV1 takes
// getDdsInfo. Each request must carry a WS-Security UsernameToken whose PasswordDigest matches the
// authentication key given here (and the client id, if given), else a SOAP Fault. A statement is
// checked as the real system checks it first (an operator, an activity, commodities with an HS
// heading, a net mass and producers' geolocation) and answered with a DDS identifier; getDdsInfo
// answers it AVAILABLE with a reference and verification number (`pending`: SUBMITTED, without
// them, as while the system still checks it). `refuse` faults every statement.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import {
  bodyElementOf,
  buildFault,
  buildResponse,
  ns,
  parseEnvelope,
  passwordDigest,
  type XmlNode,
} from "@/lib/eudr/soap";

type Statement = {
  activityType?: string;
  operator?: { referenceNumber?: unknown[]; nameAndAddress?: { name?: string } };
  commodities?: {
    hsHeading?: string;
    descriptors?: { goodsMeasure?: { netWeight?: string } };
    producers?: { geometryGeojson?: string }[];
  }[];
};
type SubmitStatementRequest = { operatorType?: string; statement?: Statement };

function hasGeolocation(producer: { geometryGeojson?: string }) {
  try {
    const geojson = JSON.parse(Buffer.from(producer.geometryGeojson ?? "", "base64").toString("utf8")) as {
      features?: { geometry?: unknown }[];
    };
    return !!geojson.features?.length && geojson.features.every((f) => f.geometry);
  } catch {
    return false;
  }
}

function problemOf({ operatorType, statement: s }: SubmitStatementRequest): string | null {
  if (!s) return "statement is missing";
  if (!["OPERATOR", "REPRESENTATIVE_OPERATOR", "TRADER"].includes(operatorType ?? ""))
    return "operatorType is not known";
  if (!s.operator?.nameAndAddress?.name && !s.operator?.referenceNumber?.length) return "operator is missing";
  if (!["IMPORT", "EXPORT", "DOMESTIC"].includes(s.activityType ?? ""))
    return "activityType is not IMPORT, EXPORT or DOMESTIC";
  if (!s.commodities?.length) return "no commodity";
  for (const [i, c] of s.commodities.entries()) {
    if (!/^\d{4}(\d{2})?$/.test(c.hsHeading ?? "")) return `commodities[${i}].hsHeading is not an HS heading`;
    if (!(Number(c.descriptors?.goodsMeasure?.netWeight) > 0)) return `commodities[${i}] has no net weight`;
    if (!c.producers?.length || !c.producers.every(hasGeolocation))
      return `commodities[${i}] has no producer geolocation`;
  }
  return null;
}

type Credentials = { username: string; authenticationKey: string; webServiceClientId: string };

/** Whether the header's UsernameToken proves the key, within five minutes of its Created time. */
function isAuthenticated(header: XmlNode, expected: Credentials) {
  const token = ((header.Security ?? {}) as XmlNode).UsernameToken as Record<string, string> | undefined;
  if (!token || (token.Username ?? "") !== expected.username) return false;
  if (!(Math.abs(Date.now() - Date.parse(token.Created)) < 5 * 60_000)) return false;
  if (
    token.Password !==
    passwordDigest(Buffer.from(token.Nonce ?? "", "base64"), token.Created, expected.authenticationKey)
  )
    return false;
  return !expected.webServiceClientId || header.WebServiceClientId === expected.webServiceClientId;
}

export async function startEuDdsServer({
  refuse = null as string | null,
  pending = false,
  username = "",
  authenticationKey = "",
  webServiceClientId = "",
} = {}) {
  const received: { soapAction: string | undefined; body: SubmitStatementRequest }[] = [];
  const available = new Map<string, { referenceNumber: string; verificationNumber: string }>();

  function answer(path: string, xml: string, soapAction: string | undefined): [number, string] {
    const envelope = parseEnvelope(xml);
    const element = bodyElementOf(xml);
    if (!envelope || !element) return [500, buildFault("soapenv:Client", "The request is not a SOAP envelope")];
    if (!isAuthenticated(envelope.header, { username, authenticationKey, webServiceClientId }))
      return [
        500,
        buildFault("wsse:FailedAuthentication", "The security token could not be authenticated or authorized"),
      ];
    const operation = `${element.namespace} ${element.name}`;
    if (path.endsWith("/EUDRSubmissionServiceV1") && operation === `${ns.submission} SubmitStatementRequest`) {
      const body = envelope.body.SubmitStatementRequest as SubmitStatementRequest;
      received.push({ soapAction, body });
      const problem = refuse ?? problemOf(body);
      if (problem) return [500, buildFault("soapenv:Client", problem)];
      const identifier = randomUUID();
      const n = String(available.size + 1).padStart(8, "0");
      available.set(identifier, { referenceNumber: `26NL${n}`, verificationNumber: `VER${n.slice(3)}` });
      return [200, buildResponse({ "submission:SubmitStatementResponse": { "submission:ddsIdentifier": identifier } })];
    }
    if (path.endsWith("/EUDRRetrievalServiceV1") && operation === `${ns.retrieval} GetStatementInfoRequest`) {
      const [identifier] = (envelope.body.GetStatementInfoRequest as { identifier?: string[] }).identifier ?? [];
      const numbers = available.get(identifier ?? "");
      if (!numbers) return [500, buildFault("soapenv:Client", `No statement ${identifier}`)];
      const info = pending ? { identifier, status: "SUBMITTED" } : { identifier, ...numbers, status: "AVAILABLE" };
      return [
        200,
        buildResponse({
          "retrieval:GetStatementInfoResponse": {
            "retrieval:statementInfo": Object.fromEntries(Object.entries(info).map(([k, v]) => [`retrieval:${k}`, v])),
          },
        }),
      ];
    }
    return [500, buildFault("soapenv:Client", `No operation ${element.name} at ${path}`)];
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const soapAction = request.headers.soapaction as string | undefined;
      const [status, xml] = answer(request.url ?? "", Buffer.concat(chunks).toString("utf8"), soapAction);
      response.writeHead(status, { "content-type": "text/xml; charset=utf-8" }).end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tracesnt/ws`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
