// Organisations and who sees what, from the outside: a wallet that signs in for the first time sees
// nothing until an admin approves it; approved into a producer organisation it sees exactly that
// organisation's batches on every page and API it can reach, and another's batch is not found.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { devAccount } from "@/lib/chain/dev-accounts";
import { demoOrganisations } from "@/scripts/lib/demo-users";
import { parseCsv } from "@/test/helpers/csv";

import { query } from "./db";
import { navFor } from "./nav-links";
import { giveMockWallet, storageStateFor } from "./stack";

// Anvil account 3 mints a quarter of the demo batches; the demo puts it in this exporter.
const account = devAccount(3);
const organisation = demoOrganisations.find((o) => o.wallet === account.address)!;

test.use({ storageState: { cookies: [], origins: [] } });

async function signInWithWallet(page: Page) {
  await giveMockWallet(page.context(), account.address);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /^Connect / }).click();
  await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
}

/**
 * The organisation's batches as the database has them: those its wallets minted or were ever
 * delivered some of (the demo sells part of some lots on between houses); and one batch it never held.
 */
async function expected() {
  const wallets = `(select w.address from organisation_wallets w join organisations o on o.id = w.organisation_id where o.name = $1)`;
  const held = `(owner_address in ${wallets} or exists (select 1 from stock_movements m where m.chain_id = b.chain_id and m.token_id = b.token_id and m.to_holder in ${wallets}))`;
  const own = await query<{
    id: string;
    batch_code: string;
    token_id: string | null;
    origin_country: string;
    status: string;
  }>(`select id, batch_code, token_id, origin_country, status from batches b where ${held} order by batch_code`, [
    organisation.name,
  ]);
  const [other] = await query<{ id: string; batch_code: string }>(
    `select id, batch_code from batches b where owner_address = $2 and not ${held} limit 1`,
    [organisation.name, devAccount(1).address.toLowerCase()],
  );
  return { own, codes: own.map((b) => b.batch_code), other };
}

/** The `data:` of each SSE message named `name`, from a stream the e2e stack closes after SSE_MAX_SECONDS. */
async function streamMessages(request: APIRequestContext, path: string, name: string) {
  const text = await (await request.get(path, { timeout: 20_000 })).text();
  return text
    .split("\n\n")
    .filter((block) => block.split("\n").includes(`event: ${name}`))
    .map((block) =>
      JSON.parse(
        block
          .split("\n")
          .find((l) => l.startsWith("data: "))!
          .slice(6),
      ),
    );
}

test("a new wallet sees nothing until approved, then exactly its organisation's batches everywhere", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInWithWallet(page);
  await expect(page).toHaveURL(/\/pending$/);
  await expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  const { own, codes, other } = await expected();
  expect(own.length).toBeGreaterThan(5);

  // Pending: every page sends it back to wait, every API refuses.
  for (const path of ["/inventory", "/dashboard", `/batches/${own[0].id}`, "/analytics", "/events", "/verification"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/pending$/);
  }
  for (const path of [
    "/api/batches?limit=1",
    "/api/batches/export",
    `/api/batches/${own[0].id}`,
    "/api/dashboard/metrics",
    "/api/analytics?chart=expiry",
    "/api/blockchain-events?limit=1",
    "/api/activities/recent",
    "/api/blockchain-events/stream",
  ]) {
    const res = await page.request.get(path, { timeout: 10_000 });
    expect(res.status(), path).toBe(403);
    expect((await res.json()).error.message, path).toMatch(/waiting for an admin/);
  }

  // The admin approves it into the demo exporter that holds its wallet.
  const admin = await browser.newPage({ storageState: storageStateFor("admin") });
  await admin.goto("/admin");
  const entry = admin.locator("li", { hasText: account.address.toLowerCase() });
  await entry.getByLabel(/^Organisation for/).selectOption({ label: `${organisation.name} (${organisation.kind})` });
  await entry.getByRole("button", { name: /^Approve / }).click();
  await expect(entry).toHaveCount(0);
  await admin.close();

  // Inventory: exactly its batches.
  await page.goto("/inventory?limit=100&sort=batch_code&order=asc");
  await expect(page.getByTestId("signed-in-as")).toContainText("(viewer)");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(navFor.viewer);
  await expect
    .poll(() => page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-batch-code"))))
    .toEqual(codes);

  // The batch page: its own opens; another's is not found.
  await page.goto(`/batches/${own[0].id}`);
  await expect(page.getByRole("heading", { name: own[0].batch_code, level: 1 })).toBeVisible();
  const missing = await page.goto(`/batches/${other.id}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByText(other.batch_code)).toHaveCount(0);

  // The CSV export.
  const csv = parseCsv(await (await page.request.get("/api/batches/export?sort=batch_code&order=asc")).text());
  const codeColumn = csv[0].indexOf("batch_code");
  expect(csv.slice(1).map((r) => r[codeColumn])).toEqual(codes);

  // The API: the list, one batch, and 404 for another's batch and everything under it.
  const listed = (await (await page.request.get("/api/batches?limit=100&sort=batch_code&order=asc")).json()) as {
    data: { batch_code: string }[];
  };
  expect(listed.data.map((b) => b.batch_code)).toEqual(codes);
  expect((await page.request.get(`/api/batches/${own[0].id}`)).status()).toBe(200);
  for (const path of [
    `/api/batches/${other.id}`,
    `/api/batches/${other.id}/audit-history`,
    `/api/batches/${other.id}/alerts`,
    `/api/batches/${other.id}/quality-checks`,
    `/api/labels?ids=${other.id}&format=png`,
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  // Read only: no change is allowed.
  expect((await page.request.post(`/api/batches/${own[0].id}/request-verification`, { data: {} })).status()).toBe(403);

  // The dashboard's figures and analytics count its batches only; charts of everyone's rollups are not shown.
  const metrics = (await (await page.request.get("/api/dashboard/metrics")).json()) as { totals: { batches: number } };
  expect(metrics.totals.batches).toBe(own.length);
  const stock = (await (await page.request.get("/api/analytics?chart=stock_by_origin")).json()) as {
    charts: { columns: { label: string }[] }[];
  };
  const origins = [
    ...new Set(own.filter((b) => !["draft", "pending_mint"].includes(b.status)).map((b) => b.origin_country)),
  ].sort();
  expect(stock.charts[0].columns.slice(1).map((c) => c.label)).toEqual(origins.map((o) => `${o} (kg)`));
  expect((await page.request.get("/api/analytics?chart=verification")).status()).toBe(403);
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Stock by origin" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verification pass rate" })).toHaveCount(0);

  // The dashboard counts its batches; the system's health is not shown to it.
  await page.goto("/dashboard");
  await expect(page.getByTestId("kpi-batches")).toHaveText(String(own.length));
  await expect(page.getByText("Could not refresh")).toHaveCount(0);

  // The event listener page links only its batches.
  await page.goto("/events?limit=200");
  const eventBatches = await page.getByTestId("event-row").locator("a[href^='/batches/']").allInnerTexts();
  expect(eventBatches.length).toBeGreaterThan(0);
  expect(eventBatches.every((code) => codes.includes(code))).toBe(true);
  expect(await page.getByTestId("event-row").count()).toBe(eventBatches.length);

  // The event stream (and the list) carry only its batches' events.
  const events = await streamMessages(page.request, "/api/blockchain-events/stream?after=0", "event");
  const minted = new Set(own.filter((b) => b.token_id !== null).map((b) => Number(b.id)));
  expect(events.length).toBeGreaterThan(0);
  expect(new Set(events.map((e: { batch_id: number }) => e.batch_id))).toEqual(minted);
  const listedEvents = (await (await page.request.get("/api/blockchain-events?limit=200")).json()) as {
    data: { batch_id: number }[];
  };
  expect(listedEvents.data.every((e) => minted.has(e.batch_id))).toBe(true);
});
