// SOAP 1.1 as the EU information system (TRACES NT, EUDR API for operators, v1 services) speaks it:
// envelopes built and read with fast-xml-parser (text escaped by the builder), a WS-Security
// UsernameToken whose password is the digest of the authentication key, and the WebServiceClientId
// header. Shared by the client (lib/eudr/eu-system.ts) and the local server the tests run.
import { createHash, randomBytes } from "node:crypto";
import { XMLBuilder, XMLParser } from "fast-xml-parser";

export const ns = {
  soap: "http://schemas.xmlsoap.org/soap/envelope/",
  submission: "http://ec.europa.eu/tracesnt/certificate/eudr/submission/v1",
  retrieval: "http://ec.europa.eu/tracesnt/certificate/eudr/retrieval/v1",
  model: "http://ec.europa.eu/tracesnt/certificate/eudr/model/v1",
  base: "http://ec.europa.eu/sanco/tracesnt/base/v4",
  wsse: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
  wsu: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
};
const passwordDigestType =
  "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
const base64Type = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

export type Credentials = { username: string; authenticationKey: string; webServiceClientId: string };
export type XmlNode = { [name: string]: unknown };

/** WS-Security PasswordDigest: Base64(SHA-1(nonce + created + key)). */
export function passwordDigest(nonce: Buffer, created: string, key: string) {
  return createHash("sha1")
    .update(Buffer.concat([nonce, Buffer.from(created, "utf8"), Buffer.from(key, "utf8")]))
    .digest("base64");
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true });

function envelope(header: XmlNode, body: XmlNode) {
  const declared = Object.fromEntries(
    (["submission", "retrieval", "model", "base"] as const).map((p) => [`@_xmlns:${p}`, ns[p]]),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
    "soapenv:Envelope": { "@_xmlns:soapenv": ns.soap, ...declared, "soapenv:Header": header, "soapenv:Body": body },
  })}`;
}

/** A request: the body under a header carrying the UsernameToken (valid a minute) and the client id. */
export function buildRequest(credentials: Credentials, body: XmlNode, now = new Date()) {
  const nonce = randomBytes(16);
  const created = now.toISOString();
  const security = {
    "@_xmlns:wsse": ns.wsse,
    "@_xmlns:wsu": ns.wsu,
    "@_soapenv:mustUnderstand": "1",
    "wsu:Timestamp": { "wsu:Created": created, "wsu:Expires": new Date(now.getTime() + 60_000).toISOString() },
    "wsse:UsernameToken": {
      "wsse:Username": credentials.username,
      "wsse:Password": {
        "@_Type": passwordDigestType,
        "#text": passwordDigest(nonce, created, credentials.authenticationKey),
      },
      "wsse:Nonce": { "@_EncodingType": base64Type, "#text": nonce.toString("base64") },
      "wsu:Created": created,
    },
  };
  return envelope({ "wsse:Security": security, "base:WebServiceClientId": credentials.webServiceClientId }, body);
}

export const buildResponse = (body: XmlNode) => envelope({}, body);

export const buildFault = (code: string, message: string) =>
  envelope({}, { "soapenv:Fault": { faultcode: code, faultstring: message } });

// Elements that may repeat, read as arrays even when there is one (by their parent: an operator's
// referenceNumber repeats, a statement info's does not).
const repeated = [
  "statement.commodities",
  "commodities.producers",
  "statement.associatedStatements",
  "operator.referenceNumber",
  "GetStatementInfoRequest.identifier",
];
const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (_name, path) => repeated.some((suffix) => String(path).endsWith(suffix)),
});
const prefixedParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });

/** The envelope's header and body, namespace prefixes dropped; null when the text is not a SOAP envelope. */
export function parseEnvelope(xml: string): { header: XmlNode; body: XmlNode } | null {
  try {
    const envelope = (parser.parse(xml) as XmlNode).Envelope as XmlNode | undefined;
    if (!envelope || typeof envelope.Body !== "object") return null;
    return { header: (envelope.Header ?? {}) as XmlNode, body: envelope.Body as XmlNode };
  } catch {
    return null;
  }
}

/** The namespace and local name of the body's first element, read from the prefixes the envelope declares. */
export function bodyElementOf(xml: string): { namespace: string; name: string } | null {
  try {
    const root = prefixedParser.parse(xml) as XmlNode;
    const envelopeKey = Object.keys(root).find((k) => k.endsWith("Envelope"));
    const envelope = (envelopeKey ? root[envelopeKey] : {}) as XmlNode;
    const declared = (prefix: string) => envelope[prefix ? `@_xmlns:${prefix}` : "@_xmlns"] as string | undefined;
    const bodyKey = Object.keys(envelope).find((k) => k.split(":").at(-1) === "Body");
    const [first] = Object.keys((bodyKey ? envelope[bodyKey] : {}) as XmlNode).filter((k) => !k.startsWith("@_"));
    if (!first) return null;
    const [prefix, name] = first.includes(":") ? first.split(":") : ["", first];
    return { namespace: declared(prefix) ?? "", name };
  } catch {
    return null;
  }
}

function messagesIn(node: unknown): string[] {
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "Message" && typeof value === "string" ? [value] : messagesIn(value),
  );
}

/** A SOAP Fault's message: its faultstring and the error messages its detail carries. */
export function faultOf(body: XmlNode): string | null {
  const fault = body.Fault as XmlNode | undefined;
  if (!fault) return null;
  return [String(fault.faultstring ?? "SOAP Fault"), ...messagesIn(fault.detail)].join(": ");
}
