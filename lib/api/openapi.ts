// The OpenAPI document, built from the same zod schemas the routes parse with and the permission table.
import { z, type ZodType } from "zod";
import { ZRecentActivityQuery } from "@/lib/activities/schemas";
import { ZNoQuery } from "@/lib/api/params";
import { ZAnalyticsQuery } from "@/lib/analytics/schemas";
import { ZBatchExportQuery, ZImportRequest, ZBatchListQuery } from "@/lib/batches/schemas";
import { ZChainlinkCall } from "@/lib/chainlink/schemas";
import { ZInvitation } from "@/lib/auth/account-schemas";
import { ZNewApiKey, ZUserChange } from "@/lib/auth/schemas";
import { ZEventListQuery, ZToggleListening } from "@/lib/events/schemas";
import { ZLabelQuery } from "@/lib/labels/schemas";
import { ZApproval, ZNewOrganisation } from "@/lib/organisations/schemas";
import { ZQualityCheck } from "@/lib/quality/schemas";
import { ZProcessRequest, ZRequestListQuery, ZResolveAlert, ZVerificationRequest } from "@/lib/verification/schemas";
import { ZMovementQuery, ZNewWarehouse, ZStockAdjustment, ZStockMove, ZStockTransfer, ZWarehouseChange } from "@/lib/stock/schemas";
import { permissions, type Permission, type Rule } from "@/lib/auth/permissions";

type RouteKey = Exclude<Permission, `ACTION ${string}`>;
type Doc = { summary: string; query?: ZodType; body?: ZodType; tag: string };

export const docs: Record<RouteKey, Doc> = {
  "ANY /api/[...path]": { tag: "System", summary: "Any path no endpoint serves: 404 in the error shape." },
  "GET /api/health": { tag: "System", summary: "Liveness: the app and its database answer; the last indexed block." },
  "GET /api/openapi.json": { tag: "System", summary: "This document." },
  "GET /api/auth/[...nextauth]": { tag: "Auth", summary: "next-auth: session, CSRF token, providers, sign-out page." },
  "POST /api/auth/[...nextauth]": { tag: "Auth", summary: "next-auth: sign in (password or siwe callback) and sign out. Sign-in attempts are rate limited (429 with Retry-After)." },
  "POST /api/auth/siwe/nonce": { tag: "Auth", summary: "A single-use nonce for a Sign-In With Ethereum (EIP-4361) message; valid 10 minutes." },
  "GET /api/batches": { tag: "Batches", summary: "Batches, with filters, sort and cursor paging.", query: ZBatchListQuery },
  "GET /api/batches/export": { tag: "Batches", summary: "Every batch the filters match, in the list's sort, as CSV (streamed, any size). Text a spreadsheet would run as a formula is prefixed with an apostrophe.", query: ZBatchExportQuery },
  "GET /api/batches/[batch_id]": { tag: "Batches", summary: "One batch, with the contract's live view of it." },
  "POST /api/batches/import-from-blockchain": { tag: "Batches", summary: "Create (201) or refresh (200) a batch from the chain by token id.", body: ZImportRequest },
  "GET /api/batches/stream": { tag: "Batches", summary: "Server-Sent Events: a `change` message after each committed change to batches." },
  "POST /api/batches/[batch_id]/request-verification": { tag: "Verification", summary: "Ask for a count of the batch (201); while one waits, the same request again (200). A redeemed or expired batch is refused (422); a verified batch stays verified until the count decides.", body: ZVerificationRequest },
  "GET /api/batches/[batch_id]/verification-requests": { tag: "Verification", summary: "The batch's verification requests, newest first." },
  "GET /api/verification-requests": { tag: "Verification", summary: "The verification queue, with filters and cursor paging.", query: ZRequestListQuery },
  "POST /api/verification-requests/[request_id]/process": { tag: "Verification", summary: "Record the counted quantity: compared with the chain's quantity read now and the off-chain record, the request is approved or rejected (beyond the tolerance, an alert). 409 when already processed, including by someone else at the same time.", body: ZProcessRequest },
  "POST /api/batches/[batch_id]/verify": { tag: "Verification", summary: "A full verification: quantity, metadata hash, dates, quality and fraud score. `outcome` is passed, failed or incomplete (a check that could not be made, such as no quality check yet, fails nothing); it sets the verification status unless incomplete or a count is pending (then `note` says why)." },
  "POST /api/batches/[batch_id]/verify-batch": { tag: "Verification", summary: "The same full verification as /verify (seed 000 names both)." },
  "POST /api/batches/[batch_id]/quality-check": { tag: "Verification", summary: "Record a quality check (JSON, or multipart with `check` JSON plus `photos` / `certificates` files); graded by the SCA green-coffee classification.", body: ZQualityCheck },
  "GET /api/batches/[batch_id]/quality-checks": { tag: "Verification", summary: "The batch's quality checks with their grades, reasons and files, newest first." },
  "GET /api/files/[file_id]": { tag: "Verification", summary: "A quality check's photo or certificate (signed-in users only)." },
  "POST /api/batches/[batch_id]/detect-fraud": { tag: "Verification", summary: "Score the batch's fraud risk 0–100 from named factors (each with weight, value and reason); stored, versioned; 50 or more raises an alert." },
  "GET /api/batches/[batch_id]/alerts": { tag: "Verification", summary: "The batch's alerts, open and resolved, newest first." },
  "POST /api/batches/[batch_id]/resolve-alert": { tag: "Verification", summary: "Resolve an open alert with a note (audited); a resolved alert stays in history.", body: ZResolveAlert },
  "GET /api/batches/[batch_id]/audit-history": { tag: "Verification", summary: "Every change to the batch, oldest first: by whom, before and after, with the transaction; each record carries the previous one's hash." },
  "GET /api/audit/[record_id]/proof": { tag: "Provenance", summary: "An audit record (record_id = its position, the id AuditAnchor knows) with its Merkle leaf, the path of sibling hashes to the root, the root, and the anchor: range, on-chain index, transaction and block. `anchor` and `root` are null until the record is anchored." },
  "GET /api/labels": { tag: "Provenance", summary: "Printable labels for the batches named by `ids` (database ids, comma-separated): `format=pdf` (A4 sheets of 2 × 4, up to 200) or `png` (two per row, up to 40), each with the batch code, its origin and a QR code to `/trace/{batch_code}` (under PUBLIC_APP_URL when set, else AUTH_URL, else this request's host). 404 names any id the database does not have.", query: ZLabelQuery },
  "GET /api/cron/expiry": { tag: "System", summary: "Find batches near or past expiry and flag them, for serverless deployments (CRON_SECRET bearer)." },
  "GET /api/blockchain-events": { tag: "Events", summary: "Stored chain events, newest first, with filters and cursor paging.", query: ZEventListQuery },
  "GET /api/blockchain-events/stream": { tag: "Events", summary: "Server-Sent Events: each new or changed event after `after` (or Last-Event-ID), id = its change number; `status` every 3 s." },
  "GET /api/blockchain-events/status": { tag: "Events", summary: "The listener: listening, head and last processed block, lag, events per minute, errors." },
  "POST /api/blockchain-events/[event_id]/process": { tag: "Events", summary: "Apply a failed or pending event again now; its batch is replayed from its events. 409 for a reorged event." },
  "POST /api/blockchain-events/process-all": { tag: "Events", summary: "Apply every failed or pending event again now, whatever its backoff." },
  "POST /api/blockchain-events/toggle-listening": { tag: "Events", summary: "Pause (`active: false`) or resume the listener; answers its status.", body: ZToggleListening },
  "GET /api/cron/listener": { tag: "System", summary: "One listening round (up to 50 s) for serverless deployments; Vercel Cron sends CRON_SECRET as a bearer token." },
  "GET /api/batches/[batch_id]/chainlink-requests": { tag: "Chainlink", summary: "The batch's Chainlink checks, newest first: stage (sent, answered, fulfilled, applied, failed), the answer decoded, and its transactions." },
  "POST /api/chainlink/verify-batch/[batch_id]": { tag: "Chainlink", summary: "For the Chainlink DON (signed): run the verification engine on the batch with this on-chain id and answer one 160-byte ABI encoding; the same chainlink_request_id always gets the same answer.", body: ZChainlinkCall },
  "POST /api/chainlink/quality-check/[batch_id]": { tag: "Chainlink", summary: "For the Chainlink DON (signed): the latest quality grade of the batch with this on-chain id, as one 160-byte ABI encoding.", body: ZChainlinkCall },
  "POST /api/chainlink/expiry-check/[batch_id]": { tag: "Chainlink", summary: "For the Chainlink DON (signed): whether the batch with this on-chain id has expired, as one 160-byte ABI encoding.", body: ZChainlinkCall },
  "POST /api/sync": { tag: "Sync", summary: "Start a full reconciliation of every batch with the chain: 202 with the queued run (the worker runs it), or 200 with the run already queued or running." },
  "GET /api/sync": { tag: "Sync", summary: "The latest reconciliation runs, newest first: trigger, status, blocks read at, counts checked / updated / imported / flagged / failed, duration." },
  "GET /api/sync/[sync_id]": { tag: "Sync", summary: "One run with every difference it found (field, off chain, on chain) and what it did: updated, imported, flagged or failed." },
  "POST /api/batches/[batch_id]/sync": { tag: "Sync", summary: "Reconcile one batch with the chain now, whatever its backoff; answers the run with its differences. A draft has its mint transaction followed." },
  "GET /api/cron/sync": { tag: "System", summary: "Enqueue a full reconciliation for the worker, for serverless deployments (CRON_SECRET bearer)." },
  "GET /api/warehouses": { tag: "Stock", summary: "Every warehouse with its capacity, the stock on hand in it and the share of its capacity used." },
  "POST /api/warehouses": { tag: "Stock", summary: "Add a warehouse. 409 when its code or name is taken. Audited.", body: ZNewWarehouse },
  "PATCH /api/warehouses/[code]": { tag: "Stock", summary: "Change or deactivate a warehouse. Audited.", body: ZWarehouseChange },
  "GET /api/stock": { tag: "Stock", summary: "Stock on hand per warehouse (with capacity used) and per holder, from holdings." },
  "GET /api/stock-movements": { tag: "Stock", summary: "The stock ledger, newest first, with filters and cursor paging.", query: ZMovementQuery },
  "GET /api/stock-movements/export": { tag: "Stock", summary: "Every movement the filters match, as CSV.", query: ZMovementQuery.omit({ cursor: true, limit: true }) },
  "POST /api/batches/[batch_id]/stock-moves": { tag: "Stock", summary: "Check a warehouse move (422 past capacity or past what is held there); answers the contract call to sign.", body: ZStockMove },
  "POST /api/batches/[batch_id]/stock-adjustments": { tag: "Stock", summary: "Check an adjustment with its reason (422 below zero); answers the contract call to sign.", body: ZStockAdjustment },
  "POST /api/batches/[batch_id]/stock-transfers": { tag: "Stock", summary: "Check a transfer between holders (422 past what is held); answers the contract call to sign.", body: ZStockTransfer },
  "GET /api/batches/[batch_id]/holdings": { tag: "Stock", summary: "Who holds how much of the batch, per warehouse." },
  "GET /api/dashboard/metrics": { tag: "Dashboard", summary: "System-wide figures from counters kept by triggers (no scan of the batches): totals, in stock, by status, verification, sync, origin, process, warehouse, quality grade and fraud risk (each as batches, kg and USD value, exact decimal strings), the verification pass rate, open alerts by severity and type, and stock past expiry or expiring within 30, 60 and 90 days.", query: ZNoQuery },
  "GET /api/system/status": { tag: "Dashboard", summary: "Each component (database, RPC, event listener, job queue, Chainlink fulfiller, sync service) with its state (ok, degraded, down, not_configured), since when it has held that state, a sentence and its figures (latencies, chain id, head block, listener lag, queue depth); `status` is the worst of them.", query: ZNoQuery },
  "GET /api/activities/recent": { tag: "Dashboard", summary: "Recent activity newest first, merged from audit records, chain events, alerts, verification requests and sync runs; `kind` filters (comma-separated), `limit` (1–100, default 20), `cursor` pages.", query: ZRecentActivityQuery },
  "GET /api/analytics": { tag: "Analytics", summary: "The analytics page's charts as tables, read from rollups refreshed every 5 minutes: stock by origin / process / warehouse over time, verification pass rate and discrepancies, quality grades, fraud risk and top factors, alerts opened and resolved, events and sync lag, batches expiring within 30/60/90 days, and the stock forecast per origin (Holt's method, 95% band, backtest). Kilograms are exact decimal strings. `format=csv` with one `chart` downloads that table as CSV.", query: ZAnalyticsQuery },
  "GET /api/admin/users": { tag: "Admin", summary: "Users with their roles and linked wallets." },
  "PATCH /api/admin/users/[user_id]": { tag: "Admin", summary: "Change a user's role, active flag or organisation (its wallets move with it; a producer's or buyer's member is a viewer, else 422), or link a wallet. Audited.", body: ZUserChange },
  "GET /api/admin/api-keys": { tag: "Admin", summary: "API keys (never the keys themselves)." },
  "POST /api/admin/api-keys": { tag: "Admin", summary: "Create an API key; the key is in this response only.", body: ZNewApiKey },
  "DELETE /api/admin/api-keys/[key_id]": { tag: "Admin", summary: "Revoke an API key." },
  "GET /api/admin/organisations": { tag: "Admin", summary: "Organisations (the operating company, cooperatives, exporters, importers, roasters) with their wallets and member counts." },
  "POST /api/admin/organisations": { tag: "Admin", summary: "Create a producer or buyer organisation (201); 409 when the name is taken. Audited.", body: ZNewOrganisation },
  "POST /api/admin/users/[user_id]/approve": { tag: "Admin", summary: "Let a pending wallet in: into an organisation with a role (a producer's or buyer's member is a viewer; its wallets join the organisation), or onto an existing user (`link_to_user_id`; the pending user goes). 409 when the user is not pending or a wallet belongs to another organisation. Audited.", body: ZApproval },
  "POST /api/admin/invitations": { tag: "Admin", summary: "Invite someone by email as operator, verifier or viewer (201): a single-use link valid 72 hours is mailed to them. 409 when the email already has an account; 422 for a role an invitation cannot grant (admin). Audited.", body: ZInvitation },
  "DELETE /api/admin/users/[user_id]/lockout": { tag: "Admin", summary: "Lift a sign-in lockout: the user's failed attempts from every client are forgotten. Audited." },
};

const jsonSchema = (schema: ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, object>; required?: string[] };

const error = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

function security(rule: Rule) {
  if (rule.isPublic) return [];
  if (rule.chainlink) return [{ chainlinkSignature: [] }];
  return [{ session: [] }, ...(rule.apiKeys ? [{ apiKey: [] }] : []), ...(rule.cron ? [{ cronSecret: [] }] : [])];
}

export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const [key, doc] of Object.entries(docs) as [RouteKey, Doc][]) {
    const [method, route] = key.split(" ");
    if (method === "ANY") continue; // not an endpoint, only the shape of a miss
    const path = route.replace(/\[\.\.\.(\w+)\]/, "{$1}").replace(/\[(\w+)\]/g, "{$1}");
    const rule: Rule = permissions[key];
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    const query = doc.query ? jsonSchema(doc.query) : null;
    const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: query?.required?.includes(name) ?? false, schema }));
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      tags: [doc.tag],
      summary: doc.summary,
      parameters: [...pathParams, ...queryParams],
      ...(doc.body && { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(doc.body) } } } }),
      security: security(rule),
      "x-roles": rule.isPublic ? "public" : rule.roles,
      // Whether members of producer and buyer organisations may call it, seeing only their organisation's batches.
      "x-organisation-members": !!rule.members,
      responses: { "200": { description: "OK" }, "400": error, ...(rule.isPublic ? {} : { "401": error, "403": error }), "404": error, "429": error },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Batchtrail API", version: "0.1.0", description: "Coffee batches minted on chain and mirrored in Postgres. Errors are {error: {code, message, details}}." },
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        apiKey: { type: "http", scheme: "bearer", description: "An API key (bt_…) as `Authorization: Bearer` or `x-api-key`." },
        chainlinkSignature: { type: "apiKey", in: "header", name: "x-batchtrail-signature", description: "HMAC-SHA256 with CHAINLINK_SECRET of `timestamp.nonce.POST.path.body`, hex, with `x-batchtrail-timestamp` (unix seconds, within 300 s) and `x-batchtrail-nonce` (16–64 hex, used once). chainlink/sources/*.js sign this way." },
        cronSecret: { type: "http", scheme: "bearer", description: "CRON_SECRET, as Vercel Cron sends it." },
      },
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message", "details"], properties: { code: { type: "string" }, message: { type: "string" }, details: {} } } } },
      },
    },
  };
}
