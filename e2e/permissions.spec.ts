// The permission table, tested from the outside: every route × method × kind of caller.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import type { Rule } from "@/lib/auth/permissions";
import { permissions, type Permission } from "@/lib/endpoints/permissions";
import bcrypt from "bcryptjs";
import { devAccount } from "@/scripts/lib/accounts";
import { demoOrganisations, demoPassword } from "@/scripts/lib/demo-users";
import { query, fingerprint } from "./db";
import { giveMockWallet, stack, storageStateFor } from "./stack";
import { submitSignIn } from "./sign-in";

type RouteKey = Exclude<Permission, `ACTION ${string}`>;
/** `isMember`: a viewer in a producer organisation; `isPending`: a wallet no admin has approved yet; no role: nobody signed in (or a deactivated user). */
type Caller = { name: string; role?: string; apiKeyRole?: string; isMember?: boolean; isPending?: boolean; context: APIRequestContext };

const baseURL = `http://127.0.0.1:${stack.port}`;
const callers: Caller[] = [];
let targets: Record<RouteKey, { path: string; body?: unknown }>;
let viewerKey: { id: number; key: string };

function expectation(rule: Rule, caller: Caller): "allowed" | 401 | 403 {
  if (rule.isPublic) return "allowed";
  // Only a call signed with the DON's secret gets through (e2e/chainlink.spec.ts); no session or key does.
  if (rule.chainlink) return 401;
  if (!caller.role && !caller.apiKeyRole && !caller.isPending) return 401;
  // Organisations: a pending wallet reaches nothing; a member only the rows marked for members.
  if (caller.isPending) return 403;
  if (caller.isMember && !rule.members) return 403;
  if (caller.role) return (rule.roles as readonly string[]).includes(caller.role) ? "allowed" : 403;
  if (caller.apiKeyRole) return rule.apiKeys && (rule.roles as readonly string[]).includes(caller.apiKeyRole) ? "allowed" : 403;
  return 403;
}

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
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  const makeKey = async (role: string) => (await (await admin.post("/api/admin/api-keys", { data: { name: `matrix ${role}`, role } })).json()) as { id: number; key: string };
  const [operatorKey, throwaway] = [await makeKey("operator"), await makeKey("viewer")];
  viewerKey = await makeKey("viewer");
  const [viewer] = await query<{ id: string }>("select id from users where email = 'viewer@batchtrail.local'");
  targets = {
    "ANY /api/[...path]": { path: "/api/no-such-endpoint" },
    "GET /api/health": { path: "/api/health" },
    "GET /api/openapi.json": { path: "/api/openapi.json" },
    "GET /api/auth/[...nextauth]": { path: "/api/auth/session" },
    "POST /api/auth/[...nextauth]": { path: "/api/auth/callback/password", body: {} },
    "POST /api/auth/siwe/nonce": { path: "/api/auth/siwe/nonce" },
    "GET /api/batches": { path: "/api/batches?limit=1" },
    "GET /api/batches/export": { path: "/api/batches/export?status=active" },
    "GET /api/batches/[batch_id]": { path: "/api/batches/1" },
    "POST /api/batches/import-from-blockchain": { path: "/api/batches/import-from-blockchain", body: { blockchain_batch_id: "1" } },
    "GET /api/batches/stream": { path: "/api/batches/stream" },
    "POST /api/batches/[batch_id]/request-verification": { path: "/api/batches/1/request-verification", body: {} },
    "GET /api/batches/[batch_id]/verification-requests": { path: "/api/batches/1/verification-requests" },
    "GET /api/verification-requests": { path: "/api/verification-requests?limit=1" },
    "POST /api/verification-requests/[request_id]/process": { path: "/api/verification-requests/999999/process", body: { actual_quantity: "1" } },
    "POST /api/batches/[batch_id]/verify": { path: "/api/batches/1/verify" },
    "POST /api/batches/[batch_id]/verify-batch": { path: "/api/batches/1/verify-batch" },
    "POST /api/batches/[batch_id]/quality-check": { path: "/api/batches/1/quality-check", body: { cupping_score: 84.5, moisture_pct: 11, primary_defects: 0, secondary_defects: 3, screen_size: 16 } },
    "GET /api/batches/[batch_id]/quality-checks": { path: "/api/batches/1/quality-checks" },
    "GET /api/files/[file_id]": { path: "/api/files/999999" },
    "POST /api/batches/[batch_id]/detect-fraud": { path: "/api/batches/1/detect-fraud" },
    "GET /api/batches/[batch_id]/alerts": { path: "/api/batches/1/alerts" },
    "POST /api/batches/[batch_id]/resolve-alert": { path: "/api/batches/1/resolve-alert", body: { alert_id: 999999, note: "checked" } },
    "GET /api/batches/[batch_id]/audit-history": { path: "/api/batches/1/audit-history" },
    "GET /api/cron/expiry": { path: "/api/cron/expiry" },
    "GET /api/blockchain-events": { path: "/api/blockchain-events?limit=1" },
    "GET /api/blockchain-events/stream": { path: "/api/blockchain-events/stream" },
    "GET /api/blockchain-events/status": { path: "/api/blockchain-events/status" },
    "POST /api/blockchain-events/[event_id]/process": { path: "/api/blockchain-events/1/process" },
    "POST /api/blockchain-events/process-all": { path: "/api/blockchain-events/process-all" },
    "POST /api/blockchain-events/toggle-listening": { path: "/api/blockchain-events/toggle-listening", body: { active: true } },
    "GET /api/cron/listener": { path: "/api/cron/listener" },
    "GET /api/batches/[batch_id]/chainlink-requests": { path: "/api/batches/1/chainlink-requests" },
    "GET /api/audit/[record_id]/proof": { path: "/api/audit/1/proof" },
    "GET /api/labels": { path: "/api/labels?ids=1&format=pdf" },
    "POST /api/chainlink/verify-batch/[batch_id]": { path: "/api/chainlink/verify-batch/1", body: { chainlink_request_id: `0x${"1".repeat(64)}` } },
    "POST /api/chainlink/quality-check/[batch_id]": { path: "/api/chainlink/quality-check/1", body: { chainlink_request_id: `0x${"2".repeat(64)}` } },
    "POST /api/chainlink/expiry-check/[batch_id]": { path: "/api/chainlink/expiry-check/1", body: { chainlink_request_id: `0x${"3".repeat(64)}` } },
    "POST /api/sync": { path: "/api/sync" },
    "GET /api/sync": { path: "/api/sync" },
    "GET /api/sync/[sync_id]": { path: "/api/sync/999999" },
    "POST /api/batches/[batch_id]/sync": { path: "/api/batches/1/sync" },
    "GET /api/cron/sync": { path: "/api/cron/sync" },
    "GET /api/dashboard/metrics": { path: "/api/dashboard/metrics" },
    "GET /api/system/status": { path: "/api/system/status" },
    "GET /api/activities/recent": { path: "/api/activities/recent?limit=1" },
    "GET /api/analytics": { path: "/api/analytics?chart=expiry" },
    "GET /api/admin/users": { path: "/api/admin/users" },
    "PATCH /api/admin/users/[user_id]": { path: `/api/admin/users/${viewer.id}`, body: { role: "viewer" } },
    "GET /api/admin/api-keys": { path: "/api/admin/api-keys" },
    "POST /api/admin/api-keys": { path: "/api/admin/api-keys", body: { name: "matrix created", role: "viewer" } },
    "DELETE /api/admin/api-keys/[key_id]": { path: `/api/admin/api-keys/${throwaway.id}` },
    "GET /api/admin/organisations": { path: "/api/admin/organisations" },
    "POST /api/admin/organisations": { path: "/api/admin/organisations", body: { name: "Matrix Roasters", kind: "roaster" } },
    "POST /api/admin/users/[user_id]/approve": { path: `/api/admin/users/${viewer.id}/approve`, body: { organisation_id: 1, role: "viewer" } },
    "POST /api/admin/invitations": { path: "/api/admin/invitations", body: { email: "matrix-invitee@example.com", role: "viewer" } },
    "DELETE /api/admin/users/[user_id]/lockout": { path: `/api/admin/users/${viewer.id}/lockout` },
    "GET /api/warehouses": { path: "/api/warehouses" },
    "POST /api/warehouses": { path: "/api/warehouses", body: { code: "MATRIX-WH", name: "Matrix Warehouse", country: "Belgium", capacity_kg: "1000" } },
    "PATCH /api/warehouses/[code]": { path: "/api/warehouses/ANR-BND", body: { is_active: true } },
    "GET /api/stock": { path: "/api/stock" },
    "GET /api/stock-movements": { path: "/api/stock-movements?limit=1" },
    "GET /api/stock-movements/export": { path: "/api/stock-movements/export?type=moved" },
    // Each is only checked and answered with the call to sign; nothing changes.
    "POST /api/batches/[batch_id]/stock-moves": { path: "/api/batches/1/stock-moves", body: { holder: devAccount(1).address, from_warehouse: "ANR-BND", to_warehouse: "HAM-PRT", quantity_kg: "0.001" } },
    "POST /api/batches/[batch_id]/stock-adjustments": { path: "/api/batches/1/stock-adjustments", body: { holder: devAccount(1).address, warehouse: "ANR-BND", quantity_kg: "-0.001", reason: "sample" } },
    "POST /api/batches/[batch_id]/stock-transfers": { path: "/api/batches/1/stock-transfers", body: { from: devAccount(1).address, to: devAccount(2).address, quantity_kg: "0.001" } },
    "GET /api/batches/[batch_id]/holdings": { path: "/api/batches/1/holdings" },
  };
  // newContext inherits the project's signed-in storageState unless told otherwise.
  const context = (extra: Parameters<typeof playwrightRequest.newContext>[0] = {}) => playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, ...extra });
  callers.push({ name: "anonymous", context: await context() });
  for (const role of ["viewer", "operator", "verifier", "admin"]) callers.push({ name: role, role, context: await context({ storageState: storageStateFor(role) }) });
  callers.push({ name: "operator API key", apiKeyRole: "operator", context: await context({ extraHTTPHeaders: { authorization: `Bearer ${operatorKey.key}` } }) });
  callers.push({ name: "viewer API key", apiKeyRole: "viewer", context: await context({ extraHTTPHeaders: { "x-api-key": viewerKey.key } }) });

  // Organisations: anvil account 4 approved into its demo producer organisation; account 6 left waiting.
  const member = devAccount(4).address;
  const memberState = await walletSession(browser, member);
  const [memberUser] = await query<{ user_id: string }>("select user_id from wallets where address = $1", [member.toLowerCase()]);
  const [producer] = await query<{ id: string }>("select id from organisations where name = $1", [demoOrganisations.find((o) => o.wallet === member)!.name]);
  const approved = await admin.post(`/api/admin/users/${memberUser.user_id}/approve`, { data: { organisation_id: Number(producer.id), role: "viewer" } });
  expect(approved.status()).toBe(200);
  callers.push({ name: "producer organisation member", role: "viewer", isMember: true, context: await context({ storageState: memberState }) });
  callers.push({ name: "pending wallet", isPending: true, context: await context({ storageState: await walletSession(browser, devAccount(6).address) }) });

  // An operator signed in, then deactivated by an admin: the session it holds is worth nothing.
  const email = "deactivated-operator@batchtrail.local";
  const [deactivated] = await query<{ id: string }>("insert into users (email, name, password_hash, role) values ($1, 'Deactivated Operator', $2, 'operator') returning id", [email, await bcrypt.hash(demoPassword, 10)]);
  const deactivatedState = await passwordSession(browser, email);
  expect((await admin.patch(`/api/admin/users/${deactivated.id}`, { data: { is_active: false } })).status()).toBe(200);
  callers.push({ name: "deactivated operator", context: await context({ storageState: deactivatedState }) });
  await admin.dispose();
});

async function send(caller: Caller, key: RouteKey) {
  const method = key.split(" ")[0].replace("ANY", "DELETE");
  const { path, body } = targets[key];
  if (!path.endsWith("/stream")) return caller.context.fetch(path, { method, data: body, maxRedirects: 0 });
  // An event stream never ends: a refusal answers at once, an allowed caller is still reading when the timeout fires.
  return caller.context.fetch(path, { method, timeout: 3_000 }).catch((error: Error) => {
    if (!/Timeout/i.test(error.message)) throw error;
    return { status: () => 200, json: async () => ({}) };
  });
}

const cases = () => (Object.keys(targets) as RouteKey[]).flatMap((key) => callers.map((caller) => ({ key, caller, expected: expectation(permissions[key], caller) })));

test("refuses every caller the table does not name, with 401 or 403, and changes nothing", async () => {
  const before = await fingerprint();
  // A refused Chainlink call is recorded by design (e2e/chainlink.spec.ts checks that); the rest change nothing.
  const refused = cases().filter((c) => c.expected !== "allowed" && !(permissions[c.key] as Rule).chainlink);
  expect(refused.length).toBeGreaterThan(40);
  for (const { key, caller, expected } of refused) {
    const res = await send(caller, key);
    expect(res.status(), `${key} as ${caller.name}`).toBe(expected);
    expect((await res.json()).error.code, `${key} as ${caller.name}`).toBe(expected === 401 ? "unauthorized" : "forbidden");
  }
  expect(await fingerprint()).toBe(before);
});

test("lets every caller the table names through", async () => {
  // Each allowed event stream is held open for 3 s (eight of them), besides every other route.
  test.setTimeout(120_000);
  for (const { key, caller } of cases().filter((c) => c.expected === "allowed")) {
    const status = (await send(caller, key)).status();
    expect([401, 403], `${key} as ${caller.name} got ${status}`).not.toContain(status);
    expect(status, `${key} as ${caller.name}`).toBeLessThan(500);
  }
});

test("refuses a revoked or made-up API key with 401", async ({ request }) => {
  const made = await request.get("/api/batches", { headers: { authorization: "Bearer bt_000000000000_notarealkeynotarealkeynotarealkey" } });
  expect(made.status()).toBe(401);
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  expect((await admin.delete(`/api/admin/api-keys/${viewerKey.id}`)).status()).toBe(200);
  const viewerKeyCaller = callers.find((c) => c.name === "viewer API key")!;
  expect((await viewerKeyCaller.context.get("/api/batches")).status()).toBe(401);
  await admin.dispose();
});
