// Sessions end for real: after sign-out or deactivation, a copy of the old session cookie opens nothing.
// And refused invitations change nothing.
import { expect, request as playwrightRequest, test, type Browser } from "@playwright/test";

import { hashPassword } from "@/lib/auth/passwords";

import { changedTables, fingerprint, query, whileWorkerQuiet } from "./db";
import { submitSignIn } from "./sign-in";
import { stack, storageStateFor } from "./stack";

const baseURL = `http://127.0.0.1:${stack.port}`;

test.use({ storageState: storageStateFor("admin") });
const password = "session-test-password";

/** A user of our own, so ending its sessions touches no other spec's stored sign-in. */
async function makeUser(label: string) {
  const email = `${label}-${Date.now()}@example.com`;
  const [u] = await query<{ id: string }>(
    "insert into users (email, name, role, password_hash) values ($1, $2, 'viewer', $3) returning id",
    [email, label, await hashPassword(password)],
  );
  return { id: Number(u.id), email };
}

/** Signs in through the form in a new browser; returns the browser state (the session cookie) it got. */
async function signedInState(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/inventory/);
  return { context, page, state: await context.storageState() };
}

const statusWith = async (state: Awaited<ReturnType<typeof signedInState>>["state"]) => {
  const api = await playwrightRequest.newContext({ baseURL, storageState: state });
  const status = (await api.get("/api/batches?limit=1")).status();
  await api.dispose();
  return status;
};

test("sign-out ends the session: the old session cookie no longer works, on any device", async ({ browser }) => {
  const user = await makeUser("signout");
  const first = await signedInState(browser, user.email);
  const second = await signedInState(browser, user.email);
  expect(await statusWith(first.state)).toBe(200);
  await first.page.getByRole("button", { name: "Sign out" }).click();
  await expect(first.page).toHaveURL(/\/sign-in/);
  expect(await statusWith(first.state)).toBe(401);
  expect(await statusWith(second.state)).toBe(401);
  // A page opened with the copied cookie sends to sign-in as well.
  const replay = await browser.newContext({ baseURL, storageState: first.state });
  const page = await replay.newPage();
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("deactivation ends every session of the user, and turning the account back on does not revive them", async ({
  browser,
}) => {
  const user = await makeUser("deactivated");
  const { state } = await signedInState(browser, user.email);
  expect(await statusWith(state)).toBe(200);
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  expect((await admin.patch(`/api/admin/users/${user.id}`, { data: { is_active: false } })).status()).toBe(200);
  expect(await statusWith(state)).toBe(401);
  expect((await admin.patch(`/api/admin/users/${user.id}`, { data: { is_active: true } })).status()).toBe(200);
  expect(await statusWith(state)).toBe(401);
  const audit = await query<{ action: string }>(
    "select action from audit_records where entity = 'user' and entity_id = $1 order by position",
    [String(user.id)],
  );
  expect(audit.map((a) => a.action)).toEqual(["user.deactivated", "user.activated"]);
  await admin.dispose();
});

test("an invitation to an existing email, or for a role an invitation cannot grant, is refused and changes nothing", async () => {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  const mails = async () => (await query<{ n: string }>("select count(*) as n from caught_mails"))[0].n;
  const mailsBefore = await mails();
  await whileWorkerQuiet(async () => {
    const before = await fingerprint();
    const existing = await admin.post("/api/admin/invitations", {
      data: { email: "Viewer@batchtrail.local", role: "operator" },
    });
    expect(existing.status()).toBe(409);
    expect((await existing.json()).error.message).toBe(
      "viewer@batchtrail.local already has an account; change its role in the users table instead.",
    );
    const asAdmin = await admin.post("/api/admin/invitations", {
      data: { email: "new-admin@example.com", role: "admin" },
    });
    expect(asAdmin.status()).toBe(422);
    expect((await asAdmin.json()).error.message).toMatch(/An invitation cannot grant the admin role/);
    const unknownRole = await admin.post("/api/admin/invitations", {
      data: { email: "new-owner@example.com", role: "owner" },
    });
    expect(unknownRole.status()).toBe(400);
    const after = await fingerprint();
    expect(changedTables(before, after), "tables changed").toEqual([]);
  });
  expect(await mails()).toBe(mailsBefore);
  await admin.dispose();
});

test("a user change refused in one part (an organisation that does not exist) changes nothing in the others", async () => {
  // Found by the fuzz (FUZZ_SEED=441909152): the wallet was linked and audited before the organisation was refused.
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  const [viewer] = await query<{ id: string }>("select id from users where email = 'viewer@batchtrail.local'");
  await whileWorkerQuiet(async () => {
    const before = await fingerprint();
    const refused = await admin.patch(`/api/admin/users/${viewer.id}`, {
      data: { role: "viewer", link_wallet: "0x02c1f9e9bacad838c29ee3f7ccfbebbaeb5fde7f", organisation_id: 936886070 },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.message).toBe("Organisation 936886070 does not exist.");
    expect(changedTables(before, await fingerprint()), "tables changed").toEqual([]);
  });
  await admin.dispose();
});

test("an admin lifts a sign-in lockout from the users table", async ({ page }) => {
  const user = await makeUser("locked");
  // Failed guesses from one client lock that client out of the account. The e2e stack trusts no proxy
  // (TRUSTED_PROXY=none), so every caller is one client: start from an empty per-client sign-in window,
  // or the earlier specs' sign-ins would stop these guesses before they reach the account's count.
  await query("delete from rate_limits where key like 'sign-in:ip:%'");
  const api = await playwrightRequest.newContext({ baseURL });
  const csrf = async () => (await (await api.get("/api/auth/csrf")).json()).csrfToken as string;
  for (let i = 0; i < 11; i++)
    await api.post("/api/auth/callback/password", {
      form: { email: user.email, password: `guess-${i}`, csrfToken: await csrf() },
      maxRedirects: 0,
    });
  const [row] = await query<{ count: number }>("select max(count) as count from rate_limits where key like $1", [
    `sign-in:account:${user.email}:%`,
  ]);
  expect(row.count).toBeGreaterThan(10);

  await page.goto("/admin");
  await page.getByRole("button", { name: "Lift lockout of locked" }).click();
  await expect(page.getByRole("button", { name: "Lift lockout of locked" })).toHaveCount(0);
  expect(await query("select 1 from rate_limits where key like $1", [`sign-in:account:${user.email}:%`])).toEqual([]);
  const [audit] = await query<{ action: string }>(
    "select action from audit_records where entity = 'user' and entity_id = $1",
    [String(user.id)],
  );
  expect(audit.action).toBe("user.lockout_lifted");
  await api.dispose();
});
