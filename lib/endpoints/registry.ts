// Every endpoint of the API, declared once (one file per domain). A new endpoint: declare it in its
// domain's file with endpoint(), add the file here if it is new, and export handle(declaration, fn)
// from its route file; the permission table, the OpenAPI document and /api-docs follow.
import * as admin from "./admin";
import * as alerts from "./alerts";
import * as auth from "./auth";
import * as batches from "./batches";
import * as chainlink from "./chainlink";
import * as dashboard from "./dashboard";
import type { Endpoint } from "./define";
import * as dueDiligence from "./due-diligence";
import * as epcis from "./epcis";
import * as events from "./events";
import * as monitoring from "./monitoring";
import * as notifications from "./notifications";
import * as orders from "./orders";
// plots
import * as plots from "./plots";
import * as provenance from "./provenance";
import * as returns from "./returns";
import * as stock from "./stock";
import * as sync from "./sync";
import * as system from "./system";
import * as verification from "./verification";
import * as webhooks from "./webhooks";

export const endpoints = {
  ...system,
  ...alerts,
  ...auth,
  ...batches,
  ...verification,
  ...provenance,
  ...events,
  ...sync,
  ...chainlink,
  ...dashboard,
  ...admin,
  ...stock,
  ...orders,
  ...returns,
  // webhooks (issue 20)
  ...webhooks,

  // notifications (issue 20)
  ...notifications,

  // monitoring (issue 20)
  ...monitoring,

  // due diligence
  ...dueDiligence,
  // plots
  ...plots,
  // epcis
  ...epcis,
};

type Declared = (typeof endpoints)[keyof typeof endpoints];

/** `METHOD /api/...`, as the permission table, `can()` and the browser's client name an endpoint. */
export type EndpointKey = Declared["key"];
/** The declaration an endpoint key names. */
export type EndpointAt<K extends EndpointKey> = Extract<Declared, { key: K }>;

export const declarations: readonly Endpoint[] = Object.values(endpoints);

export const byKey = new Map<string, Endpoint>(declarations.map((d) => [d.key, d]));
