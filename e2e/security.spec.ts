// Security findings checked against the real server: no open redirect after sign-in, uploaded files
// keep their sandbox policy, HSTS in production, and admin actions leave audit records.
import { expect, test } from "@playwright/test";

import { query } from "./db";
import { storageStateFor } from "./stack";

test("a signed-in user sent to /sign-in?callbackUrl=/%09/evil.example stays on this site", async ({
  request,
  baseURL,
}) => {
  for (const callback of ["/%09/evil.example", "/%0a/evil.example", "/%5C/evil.example", "//evil.example"]) {
    const res = await request.get(`/sign-in?callbackUrl=${callback}`, { maxRedirects: 0 });
    expect(res.status(), callback).toBeGreaterThanOrEqual(300);
    const location = res.headers()["location"];
    // Read as a browser reads it: tabs and newlines dropped, "\" as "/".
    const target = new URL(location.replace(/[\t\n\r]/g, "").replaceAll("\\", "/"), baseURL);
    expect(target.host, `${callback} → ${location}`).toBe(new URL(baseURL!).host);
  }
});

test("uploaded files keep their sandbox policy; every response carries HSTS in production", async ({ request }) => {
  const file = await request.get("/api/files/999999");
  expect(file.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  const page = await request.get("/inventory");
  expect(page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  for (const res of [file, page])
    expect(res.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("an admin's role change, wallet link and API key create and revoke each leave an audit record naming the admin", async ({
  browser,
  baseURL,
}) => {
  const admin = await browser.newContext({ storageState: storageStateFor("admin"), baseURL });
  const [{ id: adminId }] = await query<{ id: string }>(
    "select id::text from users where email = 'admin@batchtrail.local'",
  );
  const [{ id: viewerId }] = await query<{ id: string }>(
    "select id::text from users where email = 'viewer@batchtrail.local'",
  );
  const wallet = `0x${[...crypto.getRandomValues(new Uint8Array(20))].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  const since = (await query<{ n: string }>("select coalesce(max(position), 0)::text as n from audit_records"))[0].n;
  expect((await admin.request.patch(`/api/admin/users/${viewerId}`, { data: { role: "verifier" } })).status()).toBe(
    200,
  );
  expect(
    (
      await admin.request.patch(`/api/admin/users/${viewerId}`, { data: { role: "viewer", link_wallet: wallet } })
    ).status(),
  ).toBe(200);
  const key = await admin.request.post("/api/admin/api-keys", { data: { name: "audited", role: "viewer" } });
  expect(key.status()).toBe(201);
  const { id: keyId } = await key.json();
  expect((await admin.request.delete(`/api/admin/api-keys/${keyId}`)).status()).toBe(200);
  const rows = await query<{ entity: string; entity_id: string; action: string; actor_kind: string; actor_id: string }>(
    "select entity, entity_id, action, actor_kind, actor_id from audit_records where position > $1 and entity in ('user', 'api_key') order by position",
    [since],
  );
  expect(rows).toEqual([
    { entity: "user", entity_id: viewerId, action: "user.role_changed", actor_kind: "user", actor_id: adminId },
    { entity: "user", entity_id: viewerId, action: "user.role_changed", actor_kind: "user", actor_id: adminId },
    { entity: "user", entity_id: viewerId, action: "user.wallet_linked", actor_kind: "user", actor_id: adminId },
    { entity: "api_key", entity_id: String(keyId), action: "api_key.created", actor_kind: "user", actor_id: adminId },
    { entity: "api_key", entity_id: String(keyId), action: "api_key.revoked", actor_kind: "user", actor_id: adminId },
  ]);
  await admin.close();
});
