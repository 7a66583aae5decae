// System alerts (a broken audit chain): every one, open and resolved, and resolving one with a note.
// Admins only; resolving is done in person, never with an API key.
import { ZResolveSystemAlert, ZSystemAlertQuery } from "@/lib/alerts/system-schemas";
import { idParams } from "@/lib/api/params";
import { admins } from "@/lib/auth/permissions";

import { endpoint } from "./define";
import { pageOf, ZSystemAlertJson } from "./shapes";

const tag = "System";

export const listSystemAlerts = endpoint({
  method: "GET",
  path: "/api/system/alerts",
  rule: { roles: admins },
  tag,
  summary:
    "Alerts about the system itself (a broken audit chain), newest first, open and resolved; `status=open|resolved` keeps one kind.",
  query: ZSystemAlertQuery,
  response: pageOf(ZSystemAlertJson),
});

export const resolveSystemAlert = endpoint({
  method: "POST",
  path: "/api/system/alerts/[system_alert_id]/resolve",
  rule: { roles: admins },
  tag,
  summary:
    "Resolve an open system alert with a note (3–500 characters; audited); 409 naming when and by whom when it already was. The same cause may then raise a new alert.",
  params: idParams("system_alert_id"),
  body: ZResolveSystemAlert,
  response: ZSystemAlertJson,
});
