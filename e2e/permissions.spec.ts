// Who may call what, tested from the outside against an independent source: a hand-written
// expectation per route and kind of caller (e2e/permission-expectations.ts, written from the API's
// documentation, not from lib/auth/permissions.ts), checked against the live server.
// test/permission-expectations.test.ts fails when the permission table says otherwise.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import bcrypt from "bcryptjs";

import { devAccount } from "@/lib/chain/dev-accounts";
import { signedHeaders } from "@/lib/chainlink/signature";
import type { Permission } from "@/lib/endpoints/permissions";
import { demoOrganisations, demoPassword } from "@/scripts/lib/demo-users";

import { changedTables, connect, fingerprints, query, whileWorkerQuiet } from "./db";
import { expected, kinds, type Kind } from "./permission-expectations";
import { submitSignIn } from "./sign-in";
import { chainlinkSecret, cronSecret, giveMockWallet, stack, storageStateFor } from "./stack";

type RouteKey = Exclude<Permission, `ACTION ${string}`>;
type Caller = {
  kind: Kind;
  context: APIRequestContext;
  headersFor?: (path: string, body: string) => Record<string, string>;
};

const baseURL = `http://127.0.0.1:${stack.port}`;
const callers: Caller[] = [];
/** The call that exercises each route: its path, and the JSON body it sends, if any. */
let targets: Record<RouteKey, [path: string, body?: unknown]>;
let viewerKey: { id: number; key: string };

/**
 * What a refused caller gets: 401 when the server does not know who it is, 403 when it knows and says
 * no. A DON route knows nobody but a signed call: every other caller is unknown to it.
 */
const refusal = (kind: Kind, key: string) =>
  key.includes("/api/chainlink/") || ["anonymous", "chainlink signature", "deactivated operator"].includes(kind)
    ? 401
    : 403;

/** Signs a wallet in with Ethereum in a browser and hands back its session for API calls. */
async function walletSession(browser: Browser, address: `0x${string}`) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await giveMockWallet(context, address);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /^Connect / }).click();
  await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
  await page.waitForURL(/\/pending$/);
  const storageState = await context.storageState();
  await context.close();
  return storageState;
}

/** Signs a user in through the sign-in form and hands back its session for API calls. */
async function passwordSession(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, email, demoPassword);
  await page.waitForURL(/\/inventory/);
  const storageState = await context.storageState();
  await context.close();
  return storageState;
}

test.beforeAll(async ({ browser }) => {
  // Keys, and four sign-ins in a browser (two wallets, a password, a deactivation): more than a test's 30 s on a busy machine.
  test.setTimeout(120_000);
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  const makeKey = async (role: string) =>
    (await (await admin.post("/api/admin/api-keys", { data: { name: `matrix ${role}`, role } })).json()) as {
      id: number;
      key: string;
    };
  const [operatorKey, verifierKey, throwaway] = [
    await makeKey("operator"),
    await makeKey("verifier"),
    await makeKey("viewer"),
  ];
  viewerKey = await makeKey("viewer");
  const [viewer] = await query<{ id: string }>("select id from users where email = 'viewer@batchtrail.local'");
  targets = {
    "ANY /api/[...path]": ["/api/no-such-endpoint"],
    "GET /api/health": ["/api/health"],
    "GET /api/openapi.json": ["/api/openapi.json"],
    "GET /api/auth/[...nextauth]": ["/api/auth/session"],
    "POST /api/auth/[...nextauth]": ["/api/auth/callback/password", {}],
    "POST /api/auth/siwe/nonce": ["/api/auth/siwe/nonce"],
    "GET /api/batches": ["/api/batches?limit=1"],
    "GET /api/batches/export": ["/api/batches/export?status=active"],
    "GET /api/batches/[batch_id]": ["/api/batches/1"],
    "POST /api/batches/import-from-blockchain": ["/api/batches/import-from-blockchain", { blockchain_batch_id: "1" }],
    "GET /api/batches/stream": ["/api/batches/stream"],
    "POST /api/batches/[batch_id]/request-verification": ["/api/batches/1/request-verification", {}],
    "GET /api/batches/[batch_id]/verification-requests": ["/api/batches/1/verification-requests"],
    "GET /api/verification-requests": ["/api/verification-requests?limit=1"],
    "POST /api/verification-requests/[request_id]/process": [
      "/api/verification-requests/999999/process",
      { actual_quantity: "1" },
    ],
    "POST /api/batches/[batch_id]/verify": ["/api/batches/1/verify"],
    "POST /api/batches/[batch_id]/verify-batch": ["/api/batches/1/verify-batch"],
    "POST /api/batches/[batch_id]/quality-check": [
      "/api/batches/1/quality-check",
      { cupping_score: 84.5, moisture_pct: 11, primary_defects: 0, secondary_defects: 3, screen_size: 16 },
    ],
    "GET /api/batches/[batch_id]/quality-checks": ["/api/batches/1/quality-checks"],
    "GET /api/files/[file_id]": ["/api/files/999999"],
    "POST /api/batches/[batch_id]/detect-fraud": ["/api/batches/1/detect-fraud"],
    "GET /api/batches/[batch_id]/alerts": ["/api/batches/1/alerts"],
    "POST /api/batches/[batch_id]/resolve-alert": [
      "/api/batches/1/resolve-alert",
      { alert_id: 999999, note: "checked" },
    ],
    "GET /api/batches/[batch_id]/audit-history": ["/api/batches/1/audit-history"],
    "GET /api/cron/expiry": ["/api/cron/expiry"],
    "GET /api/blockchain-events": ["/api/blockchain-events?limit=1"],
    "GET /api/blockchain-events/stream": ["/api/blockchain-events/stream"],
    "GET /api/blockchain-events/status": ["/api/blockchain-events/status"],
    "POST /api/blockchain-events/[event_id]/process": ["/api/blockchain-events/1/process"],
    "POST /api/blockchain-events/process-all": ["/api/blockchain-events/process-all"],
    "POST /api/blockchain-events/toggle-listening": ["/api/blockchain-events/toggle-listening", { active: true }],
    "GET /api/cron/listener": ["/api/cron/listener"],
    "GET /api/batches/[batch_id]/chainlink-requests": ["/api/batches/1/chainlink-requests"],
    "GET /api/audit/[record_id]/proof": ["/api/audit/1/proof"],
    "GET /api/labels": ["/api/labels?ids=1&format=pdf"],
    "POST /api/chainlink/verify-batch/[batch_id]": [
      "/api/chainlink/verify-batch/1",
      { chainlink_request_id: `0x${"1".repeat(64)}` },
    ],
    "POST /api/chainlink/quality-check/[batch_id]": [
      "/api/chainlink/quality-check/1",
      { chainlink_request_id: `0x${"2".repeat(64)}` },
    ],
    "POST /api/chainlink/expiry-check/[batch_id]": [
      "/api/chainlink/expiry-check/1",
      { chainlink_request_id: `0x${"3".repeat(64)}` },
    ],
    "POST /api/sync": ["/api/sync"],
    "GET /api/sync": ["/api/sync"],
    "GET /api/sync/[sync_id]": ["/api/sync/999999"],
    "POST /api/batches/[batch_id]/sync": ["/api/batches/1/sync"],
    "GET /api/cron/sync": ["/api/cron/sync"],
    "GET /api/dashboard/metrics": ["/api/dashboard/metrics"],
    "GET /api/system/status": ["/api/system/status"],
    "GET /api/system/alerts": ["/api/system/alerts?limit=1"],
    "POST /api/system/alerts/[system_alert_id]/resolve": [
      "/api/system/alerts/999999/resolve",
      { note: "Checked by the matrix." },
    ],
    "GET /api/activities/recent": ["/api/activities/recent?limit=1"],
    "GET /api/analytics": ["/api/analytics?chart=expiry"],
    "GET /api/admin/users": ["/api/admin/users"],
    "PATCH /api/admin/users/[user_id]": [`/api/admin/users/${viewer.id}`, { role: "viewer" }],
    "GET /api/admin/api-keys": ["/api/admin/api-keys"],
    "POST /api/admin/api-keys": ["/api/admin/api-keys", { name: "matrix created", role: "viewer" }],
    "DELETE /api/admin/api-keys/[key_id]": [`/api/admin/api-keys/${throwaway.id}`],
    "GET /api/admin/organisations": ["/api/admin/organisations"],
    "POST /api/admin/organisations": ["/api/admin/organisations", { name: "Matrix Roasters", kind: "roaster" }],
    "POST /api/admin/users/[user_id]/approve": [
      `/api/admin/users/${viewer.id}/approve`,
      { organisation_id: 1, role: "viewer" },
    ],
    "POST /api/admin/invitations": ["/api/admin/invitations", { email: "matrix-invitee@example.com", role: "viewer" }],
    "DELETE /api/admin/users/[user_id]/lockout": [`/api/admin/users/${viewer.id}/lockout`],
    "GET /api/buyers": ["/api/buyers"],
    "PATCH /api/buyers/[buyer_id]": [
      "/api/buyers/999999",
      { address: { label: "Matrix", lines: "1 Matrix Street", country: "Belgium" } },
    ],
    "GET /api/orders": ["/api/orders?limit=1"],
    "GET /api/orders/export": ["/api/orders/export?status=draft"],
    "POST /api/orders": [
      "/api/orders",
      { buyer_id: 999999, lines: [{ batch_id: 1, quantity_kg: "1", price_per_kg: "1" }] },
    ],
    "GET /api/orders/[order_id]": ["/api/orders/999999"],
    "POST /api/orders/[order_id]/[action]": ["/api/orders/999999/cancel", {}],
    "GET /api/returns": ["/api/returns?limit=1"],
    "GET /api/returns/export": ["/api/returns/export?status=requested"],
    "POST /api/returns": ["/api/returns", { order_line_id: 999999, quantity_kg: "1", reason: "moisture" }],
    "GET /api/returns/[return_id]": ["/api/returns/999999"],
    "GET /api/returns/[return_id]/photos/[photo_id]": ["/api/returns/999999/photos/1"],
    "POST /api/returns/[return_id]/receive": ["/api/returns/999999/receive", { warehouse: "ANR-BND" }],
    "POST /api/returns/[return_id]/inspect": [
      "/api/returns/999999/inspect",
      { cupping_score: 84, moisture_pct: 11, primary_defects: 0, secondary_defects: 2, screen_size: 16 },
    ],
    "POST /api/returns/[return_id]/decide": ["/api/returns/999999/decide", { disposition: "resell" }],
    "POST /api/returns/[return_id]/reject": ["/api/returns/999999/reject", { note: "Matrix" }],
    "GET /api/returns/analytics": ["/api/returns/analytics"],
    "GET /api/returns/analytics/export": ["/api/returns/analytics/export?table=reason"],
    "GET /api/warehouses": ["/api/warehouses"],
    "POST /api/warehouses": [
      "/api/warehouses",
      { code: "MATRIX-WH", name: "Matrix Warehouse", country: "Belgium", capacity_kg: "1000" },
    ],
    "PATCH /api/warehouses/[code]": ["/api/warehouses/ANR-BND", { is_active: true }],
    "GET /api/stock": ["/api/stock"],
    "GET /api/stock-movements": ["/api/stock-movements?limit=1"],
    "GET /api/stock-movements/export": ["/api/stock-movements/export?type=moved"],
    // Each is only checked and answered with the call to sign; nothing changes.
    "POST /api/batches/[batch_id]/stock-moves": [
      "/api/batches/1/stock-moves",
      { holder: devAccount(1).address, from_warehouse: "ANR-BND", to_warehouse: "HAM-PRT", quantity_kg: "0.001" },
    ],
    "POST /api/batches/[batch_id]/stock-adjustments": [
      "/api/batches/1/stock-adjustments",
      { holder: devAccount(1).address, warehouse: "ANR-BND", quantity_kg: "-0.001", reason: "sample" },
    ],
    "POST /api/batches/[batch_id]/stock-transfers": [
      "/api/batches/1/stock-transfers",
      { from: devAccount(1).address, to: devAccount(2).address, quantity_kg: "0.001" },
    ],
    "GET /api/batches/[batch_id]/holdings": ["/api/batches/1/holdings"],
    // webhooks (issue 20)
    "GET /api/admin/webhooks": ["/api/admin/webhooks"],
    // Refused as a URL (422): an admin's call registers nothing for the worker to send to.
    "POST /api/admin/webhooks": [
      "/api/admin/webhooks",
      { url: "ftp://matrix.example/hook", event_types: ["batch.created"] },
    ],
    "PATCH /api/admin/webhooks/[endpoint_id]": ["/api/admin/webhooks/999999", { status: "paused" }],
    "POST /api/admin/webhooks/[endpoint_id]/rotate-secret": ["/api/admin/webhooks/999999/rotate-secret", {}],
    "POST /api/admin/webhooks/[endpoint_id]/test": ["/api/admin/webhooks/999999/test", {}],
    "GET /api/admin/webhooks/[endpoint_id]/deliveries": ["/api/admin/webhooks/999999/deliveries"],
    "GET /api/admin/webhook-deliveries/[delivery_id]": ["/api/admin/webhook-deliveries/999999"],
    "POST /api/admin/webhook-deliveries/[delivery_id]/redeliver": [
      "/api/admin/webhook-deliveries/999999/redeliver",
      {},
    ],
    "GET /api/admin/settings": ["/api/admin/settings"],
    "PATCH /api/admin/settings": ["/api/admin/settings", { webhooks_allow_private: true }],

    // notifications (issue 20)
    // Each caller's own rows: marking all read and saving the defaults leave nothing changed for anyone else.
    "GET /api/notifications": ["/api/notifications?limit=1"],
    "POST /api/notifications/read": ["/api/notifications/read", { all: true }],
    "GET /api/notifications/subscription": ["/api/notifications/subscription"],
    "PUT /api/notifications/subscription": [
      "/api/notifications/subscription",
      { min_severity: "high", by_email: false, in_inbox: true },
    ],

    // monitoring (issue 20)
    "GET /api/recommendations": ["/api/recommendations?limit=1"],
    "POST /api/recommendations/[recommendation_id]/accept": ["/api/recommendations/999999/accept", {}],
    "POST /api/recommendations/[recommendation_id]/dismiss": [
      "/api/recommendations/999999/dismiss",
      { reason: "Checked by the matrix." },
    ],
    "GET /api/recommendations/stats": ["/api/recommendations/stats"],
    "GET /api/monitoring/detectors": ["/api/monitoring/detectors"],

    // due diligence
    "GET /api/batches/[batch_id]/due-diligence": ["/api/batches/1/due-diligence"],
    "POST /api/due-diligence/plots/[plot_id]/declarations": [
      "/api/due-diligence/plots/999999/declarations",
      { land_use: "coffee_before_2021", is_deforestation_free: true, declared_on: "2026-01-01", declarant: "Matrix" },
    ],
    "POST /api/due-diligence/plots/[plot_id]/documents": ["/api/due-diligence/plots/999999/documents"],
    "GET /api/due-diligence/plots/[plot_id]/documents/[document_id]": ["/api/due-diligence/plots/999999/documents/1"],
    "GET /api/due-diligence/layers": ["/api/due-diligence/layers"],
    // No areas: refused as invalid (400) once let through, so the matrix adds no layer.
    "POST /api/due-diligence/layers": [
      "/api/due-diligence/layers",
      { name: "Matrix", geojson: { type: "FeatureCollection", features: [] } },
    ],
    "GET /api/due-diligence/statements": ["/api/due-diligence/statements"],
    "POST /api/due-diligence/statements": ["/api/due-diligence/statements", { batch_id: 999999 }],
    "GET /api/due-diligence/statements/[statement_id]": ["/api/due-diligence/statements/999999"],
    "POST /api/due-diligence/statements/[statement_id]/submit": ["/api/due-diligence/statements/999999/submit"],
    "GET /api/due-diligence/settings": ["/api/due-diligence/settings"],
    // An invalid country: refused (400) once let through, so the matrix changes no setting.
    "PUT /api/due-diligence/settings": [
      "/api/due-diligence/settings",
      { endpoint_url: "", api_key: "", operator_eori: "", operator_address: "", operator_country: "xx" },
    ],
    // plots
    "GET /api/plots": ["/api/plots?limit=1"],
    "POST /api/plots": ["/api/plots", {}],
    "POST /api/plots/upload": ["/api/plots/upload", {}],
    "GET /api/plots/[plot_id]": ["/api/plots/999999"],
    "PATCH /api/plots/[plot_id]": ["/api/plots/999999", {}],
    "GET /api/batches/[batch_id]/plots": ["/api/batches/1/plots"],
    "PUT /api/batches/[batch_id]/plots": ["/api/batches/999999/plots", {}],
    // epcis
    "GET /api/batches/[batch_id]/epcis": ["/api/batches/1/epcis"],
    "GET /api/epcis": ["/api/epcis?from=2020-01-01&to=2020-01-01"],
  };
  // newContext inherits the project's signed-in storageState unless told otherwise.
  const context = (extra: Parameters<typeof playwrightRequest.newContext>[0] = {}) =>
    playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, ...extra });
  callers.push({ kind: "anonymous", context: await context() });
  for (const role of ["viewer", "operator", "verifier", "admin"] as const)
    callers.push({ kind: role, context: await context({ storageState: storageStateFor(role) }) });
  callers.push({
    kind: "operator API key",
    context: await context({ extraHTTPHeaders: { authorization: `Bearer ${operatorKey.key}` } }),
  });
  callers.push({
    kind: "verifier API key",
    context: await context({ extraHTTPHeaders: { authorization: `Bearer ${verifierKey.key}` } }),
  });
  callers.push({
    kind: "viewer API key",
    context: await context({ extraHTTPHeaders: { "x-api-key": viewerKey.key } }),
  });
  callers.push({
    kind: "cron secret",
    context: await context({ extraHTTPHeaders: { authorization: `Bearer ${cronSecret}` } }),
  });
  // The DON's way in: each call signed with the shared secret over its own path and body.
  callers.push({
    kind: "chainlink signature",
    context: await context(),
    headersFor: (path, body) => signedHeaders(chainlinkSecret, { method: "POST", path, body }),
  });

  // Organisations: anvil account 4 approved into its demo producer organisation; account 6 left waiting.
  const member = devAccount(4).address;
  const memberState = await walletSession(browser, member);
  const [memberUser] = await query<{ user_id: string }>("select user_id from wallets where address = $1", [
    member.toLowerCase(),
  ]);
  const [producer] = await query<{ id: string }>("select id from organisations where name = $1", [
    demoOrganisations.find((o) => o.wallet === member)!.name,
  ]);
  const approved = await admin.post(`/api/admin/users/${memberUser.user_id}/approve`, {
    data: { organisation_id: Number(producer.id), role: "viewer" },
  });
  expect(approved.status()).toBe(200);
  callers.push({ kind: "producer organisation member", context: await context({ storageState: memberState }) });
  callers.push({
    kind: "pending wallet",
    context: await context({ storageState: await walletSession(browser, devAccount(6).address) }),
  });

  // An operator signed in, then deactivated by an admin: the session it holds is worth nothing.
  const email = "deactivated-operator@batchtrail.local";
  const [deactivated] = await query<{ id: string }>(
    "insert into users (email, name, password_hash, role) values ($1, 'Deactivated Operator', $2, 'operator') returning id",
    [email, await bcrypt.hash(demoPassword, 10)],
  );
  const deactivatedState = await passwordSession(browser, email);
  expect((await admin.patch(`/api/admin/users/${deactivated.id}`, { data: { is_active: false } })).status()).toBe(200);
  callers.push({ kind: "deactivated operator", context: await context({ storageState: deactivatedState }) });
  expect(callers.map((c) => c.kind).sort()).toEqual([...kinds].sort());
  await admin.dispose();
});

const isStream = (key: RouteKey) => key.endsWith("/stream");

async function send(caller: Caller, key: RouteKey) {
  const method = key.split(" ")[0].replace("ANY", "DELETE");
  const [path, body] = targets[key];
  const data = body === undefined ? "" : JSON.stringify(body);
  const headers = {
    ...(body !== undefined && { "content-type": "application/json" }),
    ...caller.headersFor?.(path.split("?")[0], data),
  };
  return caller.context.fetch(path, { method, headers, ...(body !== undefined && { data }), maxRedirects: 0 });
}

/**
 * Opens an event stream as the caller and reads until its first event. Staff get the listener's status
 * at once; the batches feed, and a member's events feed, speak on a change: made here to the batches
 * table (a statement that changes no row) and to the newest event the caller may list (rewritten as
 * it is, which gives it a new change number).
 */
async function firstEvent(caller: Caller, path: string): Promise<{ status: number; event?: string }> {
  const { cookies } = await caller.context.storageState();
  const listed = (await (await caller.context.get("/api/blockchain-events?limit=1")).json()) as {
    data?: { id: number }[];
  };
  const visible = listed.data?.[0]?.id ?? 0;
  const abort = new AbortController();
  const res = await fetch(`${baseURL}${path}`, {
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    signal: abort.signal,
  });
  if (!res.ok || !res.body) return { status: res.status };
  const poke = setInterval(
    () =>
      void query("update batches set status = status where false").then(() =>
        query("update blockchain_events set status = status where id = $1", [visible]),
      ),
    300,
  );
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    // The e2e stack ends a stream after SSE_MAX_SECONDS; one that ends without an event fails below.
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += chunk.value;
      const event = /^event: (.+)$/m.exec(text)?.[1];
      if (event) return { status: res.status, event };
    }
    return { status: res.status };
  } finally {
    clearInterval(poke);
    abort.abort();
  }
}

const cases = () =>
  (Object.keys(targets) as RouteKey[]).flatMap((key) =>
    callers.map((caller) => ({ key, caller, isAllowed: expected[key].includes(caller.kind) })),
  );

test("refuses every caller the expectation does not name, with 401 or 403, and changes nothing", async () => {
  // Over 500 calls, each between two fingerprints of every table (taken again only after a write).
  test.setTimeout(600_000);
  const refused = cases().filter((c) => !c.isAllowed);
  expect(refused.length).toBeGreaterThan(400);
  const client = await connect();
  const { take } = fingerprints(client);
  await whileWorkerQuiet(async () => {
    for (const { key, caller } of refused) {
      // Recorded by design: a refused call to a DON route (the call and its address's rate limit; never
      // the audit log, being unsigned), and an API key's use (its last use, and its per-key rate limit).
      const except = [
        ...(key.includes("/api/chainlink/") ? ["chainlink_calls", "rate_limits"] : []),
        ...(caller.kind.endsWith("API key") ? ["api_keys.last_used_at", "rate_limits"] : []),
      ];
      const before = await take(except);
      const res = await send(caller, key);
      const status = refusal(caller.kind, key);
      expect(res.status(), `${key} as ${caller.kind}`).toBe(status);
      expect((await res.json()).error.code, `${key} as ${caller.kind}`).toBe(
        status === 401 ? "unauthorized" : "forbidden",
      );
      expect(changedTables(before, await take(except)), `tables changed by ${key} as ${caller.kind}`).toEqual([]);
    }
  }).finally(() => client.end());
});

test("lets every caller the expectation names through, and an allowed stream gives its first event", async () => {
  test.setTimeout(300_000);
  const allowed = cases().filter((c) => c.isAllowed);
  expect(allowed.length).toBeGreaterThan(200);
  for (const { key, caller } of allowed) {
    if (isStream(key)) {
      const { status, event } = await firstEvent(caller, targets[key][0]);
      expect(status, `${key} as ${caller.kind}`).toBe(200);
      expect(event, `${key} as ${caller.kind}: no event before the stream ended`).toBeTruthy();
      continue;
    }
    const status = (await send(caller, key)).status();
    expect([401, 403], `${key} as ${caller.kind} got ${status}`).not.toContain(status);
    expect(status, `${key} as ${caller.kind}`).toBeLessThan(500);
  }
});

test("refuses a revoked or made-up API key with 401", async ({ request }) => {
  const made = await request.get("/api/batches", {
    headers: { authorization: "Bearer bt_000000000000_notarealkeynotarealkeynotarealkey" },
  });
  expect(made.status()).toBe(401);
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  expect((await admin.delete(`/api/admin/api-keys/${viewerKey.id}`)).status()).toBe(200);
  const viewerKeyCaller = callers.find((c) => c.kind === "viewer API key")!;
  expect((await viewerKeyCaller.context.get("/api/batches")).status()).toBe(401);
  await admin.dispose();
});
