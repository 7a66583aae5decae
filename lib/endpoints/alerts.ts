// System alerts (a broken audit chain): every one, open and resolved, and resolving one with a note.
// Admins only; resolving is done in person, never with an API key.
import { ZResolveSystemAlert, ZSystemAlertQuery } from "@/lib/alerts/system-schemas";
import { adminsOnly } from "@/lib/auth/permissions";

import { endpoints } from "./define";
import { pageOf, ZSystemAlertJson } from "./shapes";

export const alerts = endpoints({
  listSystemAlerts: {
    route: "GET /api/system/alerts",
    rule: adminsOnly,
    summary:
      "Alerts about the system itself (a broken audit chain), newest first, open and resolved; `status=open|resolved` keeps one kind.",
    query: ZSystemAlertQuery,
    response: pageOf(ZSystemAlertJson),
  },

  resolveSystemAlert: {
    route: "POST /api/system/alerts/[system_alert_id]/resolve",
    rule: adminsOnly,
    summary:
      "Resolve an open system alert with a note (3–500 characters; audited); 409 naming when and by whom when it already was. The same cause may then raise a new alert.",
    body: ZResolveSystemAlert,
    response: ZSystemAlertJson,
  },
});
