// Who may call each route, written out by hand from the API's documentation (docs/api.md), one kind
// of caller at a time: the independent source e2e/permissions.spec.ts checks the live server and the
// permission table (the endpoint declarations, lib/endpoints) against. Edit it only when the documented access changes.

export const kinds = [
  "anonymous",
  "viewer",
  "operator",
  "verifier",
  "admin",
  "viewer API key",
  "operator API key",
  "verifier API key",
  "cron secret",
  "chainlink signature",
  "deactivated operator",
  "producer organisation member",
  "pending wallet",
] as const;
export type Kind = (typeof kinds)[number];

const anyone: Kind[] = [...kinds];
const signedIn: Kind[] = ["viewer", "operator", "verifier", "admin"];
const allKeys: Kind[] = ["viewer API key", "operator API key", "verifier API key"];
const member: Kind[] = ["producer organisation member"];

/** Reads every signed-in user and every key may make, members too (scoped to their organisation). */
const read = [...signedIn, ...allKeys, ...member];
/** Reads of the whole system (status, sync runs): staff and keys, not members. */
const systemRead = [...signedIn, ...allKeys];
/** Live streams and files: a browser's, so sessions only (members too). */
const sessionRead = [...signedIn, ...member];
/** Running the chain side (imports, events, syncs): operators and admins, and operator keys. */
const operate: Kind[] = ["operator", "admin", "operator API key"];
/** Asking for checks: staff and their keys. */
const ask: Kind[] = ["operator", "verifier", "admin", "operator API key", "verifier API key"];
/** Deciding checks: verifiers and admins, in person. */
const decide: Kind[] = ["verifier", "admin"];
const admin: Kind[] = ["admin"];

export const expected: Record<string, readonly Kind[]> = {
  "ANY /api/[...path]": anyone,
  "GET /api/health": anyone,
  "GET /api/openapi.json": anyone,
  "GET /api/auth/[...nextauth]": anyone,
  "POST /api/auth/[...nextauth]": anyone,
  "POST /api/auth/siwe/nonce": anyone,
  "GET /api/batches": read,
  "GET /api/batches/export": read,
  "GET /api/batches/[batch_id]": read,
  "POST /api/batches/import-from-blockchain": operate,
  "GET /api/batches/stream": sessionRead,
  "POST /api/batches/[batch_id]/request-verification": ask,
  "GET /api/batches/[batch_id]/verification-requests": read,
  "GET /api/verification-requests": read,
  "POST /api/verification-requests/[request_id]/process": decide,
  "POST /api/batches/[batch_id]/verify": decide,
  "POST /api/batches/[batch_id]/verify-batch": decide,
  "POST /api/batches/[batch_id]/quality-check": decide,
  "GET /api/batches/[batch_id]/quality-checks": read,
  "GET /api/files/[file_id]": sessionRead,
  "POST /api/batches/[batch_id]/detect-fraud": ask,
  "GET /api/batches/[batch_id]/alerts": read,
  "POST /api/batches/[batch_id]/resolve-alert": ["operator", "verifier", "admin"],
  "GET /api/batches/[batch_id]/audit-history": read,
  "GET /api/batches/[batch_id]/chainlink-requests": read,
  "GET /api/audit/[record_id]/proof": read,
  "GET /api/labels": read,
  "GET /api/cron/expiry": ["cron secret"],
  "GET /api/blockchain-events": read,
  "GET /api/blockchain-events/stream": sessionRead,
  "GET /api/blockchain-events/status": systemRead,
  "POST /api/blockchain-events/[event_id]/process": operate,
  "POST /api/blockchain-events/process-all": operate,
  "POST /api/blockchain-events/toggle-listening": operate,
  "GET /api/cron/listener": ["cron secret"],
  "POST /api/sync": operate,
  "GET /api/sync": systemRead,
  "GET /api/sync/[sync_id]": systemRead,
  "POST /api/batches/[batch_id]/sync": operate,
  "GET /api/cron/sync": ["cron secret"],
  "POST /api/chainlink/verify-batch/[batch_id]": ["chainlink signature"],
  "POST /api/chainlink/quality-check/[batch_id]": ["chainlink signature"],
  "POST /api/chainlink/expiry-check/[batch_id]": ["chainlink signature"],
  "GET /api/dashboard/metrics": read,
  "GET /api/warehouses": systemRead,
  "POST /api/warehouses": admin,
  "PATCH /api/warehouses/[code]": admin,
  "GET /api/stock": read,
  "GET /api/stock-movements": read,
  "GET /api/stock-movements/export": read,
  "POST /api/batches/[batch_id]/stock-moves": operate,
  "POST /api/batches/[batch_id]/stock-adjustments": operate,
  // A holder transfers what it holds: any signed-in user or key, and the holder organisation's members.
  "POST /api/batches/[batch_id]/stock-transfers": read,
  "GET /api/batches/[batch_id]/holdings": read,
  // Orders: a buyer's members read their own; operators (and their keys) take and run them; admins keep buyers.
  "GET /api/buyers": systemRead,
  "PATCH /api/buyers/[buyer_id]": admin,
  "GET /api/orders": read,
  "GET /api/orders/export": read,
  "POST /api/orders": operate,
  "GET /api/orders/[order_id]": read,
  "POST /api/orders/[order_id]/[action]": operate,
  // Returns: a buyer's members read theirs and (as its operators) request them; operators receive,
  // verifiers inspect (their keys too: a lab may post its checks) and decide in person.
  "GET /api/returns": read,
  "GET /api/returns/export": read,
  "POST /api/returns": operate,
  "GET /api/returns/[return_id]": read,
  "GET /api/returns/[return_id]/photos/[photo_id]": sessionRead,
  "POST /api/returns/[return_id]/receive": operate,
  "POST /api/returns/[return_id]/inspect": ["verifier", "admin", "verifier API key"],
  "POST /api/returns/[return_id]/decide": decide,
  "POST /api/returns/[return_id]/reject": operate,
  "GET /api/returns/analytics": read,
  "GET /api/returns/analytics/export": read,
  "GET /api/system/status": systemRead,
  // System alerts: admins, in person (no key may resolve one).
  "GET /api/system/alerts": admin,
  "POST /api/system/alerts/[system_alert_id]/resolve": admin,
  "GET /api/activities/recent": read,
  "GET /api/analytics": read,
  "GET /api/admin/users": admin,
  "PATCH /api/admin/users/[user_id]": admin,
  "GET /api/admin/api-keys": admin,
  "POST /api/admin/api-keys": admin,
  "DELETE /api/admin/api-keys/[key_id]": admin,
  "GET /api/admin/organisations": admin,
  "POST /api/admin/organisations": admin,
  "POST /api/admin/users/[user_id]/approve": admin,
  "POST /api/admin/invitations": admin,
  "DELETE /api/admin/users/[user_id]/lockout": admin,
  // webhooks (issue 20)
  // Webhooks and the admin settings: admins, in person (no key may read a delivery log or change a secret).
  "GET /api/admin/webhooks": admin,
  "POST /api/admin/webhooks": admin,
  "PATCH /api/admin/webhooks/[endpoint_id]": admin,
  "POST /api/admin/webhooks/[endpoint_id]/rotate-secret": admin,
  "POST /api/admin/webhooks/[endpoint_id]/test": admin,
  "GET /api/admin/webhooks/[endpoint_id]/deliveries": admin,
  "GET /api/admin/webhook-deliveries/[delivery_id]": admin,
  "POST /api/admin/webhook-deliveries/[delivery_id]/redeliver": admin,
  "GET /api/admin/settings": admin,
  "PATCH /api/admin/settings": admin,

  // notifications (issue 20)
  // A person's own inbox and alert subscription: every signed-in person, members too; no key.
  "GET /api/notifications": sessionRead,
  "POST /api/notifications/read": sessionRead,
  "GET /api/notifications/subscription": sessionRead,
  "PUT /api/notifications/subscription": sessionRead,

  // monitoring (issue 20)
  "GET /api/recommendations": systemRead,
  "POST /api/recommendations/[recommendation_id]/accept": ["operator", "verifier", "admin"],
  "POST /api/recommendations/[recommendation_id]/dismiss": ["operator", "verifier", "admin"],
  "GET /api/recommendations/stats": systemRead,
  "GET /api/monitoring/detectors": systemRead,

  // due diligence
  // Reading risk and statements: like batches, members scoped; deciding and filing: operators; the EU endpoint: admins.
  "GET /api/batches/[batch_id]/due-diligence": read,
  "POST /api/due-diligence/plots/[plot_id]/declarations": operate,
  "POST /api/due-diligence/plots/[plot_id]/documents": ["operator", "admin"],
  "GET /api/due-diligence/plots/[plot_id]/documents/[document_id]": sessionRead,
  "GET /api/due-diligence/layers": systemRead,
  "POST /api/due-diligence/layers": operate,
  "GET /api/due-diligence/statements": read,
  "POST /api/due-diligence/statements": operate,
  "GET /api/due-diligence/statements/[statement_id]": read,
  "POST /api/due-diligence/statements/[statement_id]/submit": ["operator", "admin"],
  "GET /api/due-diligence/settings": admin,
  "PUT /api/due-diligence/settings": admin,
  // plots
  // Plots and batches' plot lists: read by everyone who reads batches (members their own); filed,
  // uploaded, edited and linked by operators and admins and operator keys.
  "GET /api/plots": read,
  "POST /api/plots": operate,
  "POST /api/plots/upload": operate,
  "GET /api/plots/[plot_id]": read,
  "PATCH /api/plots/[plot_id]": operate,
  "GET /api/batches/[batch_id]/plots": read,
  "PUT /api/batches/[batch_id]/plots": operate,
  // epcis
  // EPCIS 2.0 exports: reads, members too (their organisation's batches only).
  "GET /api/batches/[batch_id]/epcis": read,
  "GET /api/epcis": read,
};
