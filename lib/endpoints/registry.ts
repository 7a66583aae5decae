// Every endpoint of the API, declared once (one table per domain). A new endpoint: declare it in its
// domain's table, add the file to `domains` below (with its tag) if it is new, and export
// handle(domain.name, fn) from its route file; the permission table, the OpenAPI document and /api-docs follow.
import { admin } from "./admin";
import { alerts } from "./alerts";
import { auth } from "./auth";
import { batches } from "./batches";
import { chainlink } from "./chainlink";
import { dashboard } from "./dashboard";
import type { Endpoint } from "./define";
import { dueDiligence } from "./due-diligence";
import { epcis } from "./epcis";
import { events } from "./events";
import { monitoring } from "./monitoring";
import { notifications } from "./notifications";
import { orders } from "./orders";
import { plots } from "./plots";
import { provenance } from "./provenance";
import { returns } from "./returns";
import { stock } from "./stock";
import { sync } from "./sync";
import { system } from "./system";
import { verification } from "./verification";
import { webhooks } from "./webhooks";

/** The API's domains in the order the docs list them, each under the tag that groups its endpoints. */
const domains = [
  ["System", system],
  ["System", alerts],
  ["Auth", auth],
  ["Batches", batches],
  ["Verification", verification],
  ["Provenance", provenance],
  ["Events", events],
  ["Sync", sync],
  ["Chainlink", chainlink],
  ["Dashboard", dashboard],
  ["Admin", admin],
  ["Stock", stock],
  ["Orders", orders],
  ["Returns", returns],
  ["Webhooks", webhooks],
  ["Notifications", notifications],
  ["Monitoring", monitoring],
  ["Due diligence", dueDiligence],
  ["Plots", plots],
  ["EPCIS", epcis],
] as const;

type Domain = (typeof domains)[number][1];
type Every<U> = (U extends unknown ? (all: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every endpoint by its name in its domain's table. */
export const endpoints: Every<Domain> = Object.assign({}, ...domains.map(([, domain]) => domain));

type Declared = (typeof endpoints)[keyof typeof endpoints];

/** `METHOD /api/...`, as the permission table, `can()` and the browser's client name an endpoint. */
export type EndpointKey = Declared["key"];
/** The declaration an endpoint key names. */
export type EndpointAt<K extends EndpointKey> = Extract<Declared, { key: K }>;

export const declarations: readonly Endpoint[] = Object.values(endpoints);

export const byKey = new Map<string, Endpoint>(declarations.map((d) => [d.key, d]));

/** Each endpoint's tag (its domain's unless it names its own), by key. */
export const tagOf = new Map<string, string>(
  domains.flatMap(([tag, domain]) => Object.values(domain).map((d: Endpoint) => [d.key, d.tag ?? tag] as const)),
);
