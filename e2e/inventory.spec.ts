import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { gramsToKg } from "@/lib/chain/units";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";
import { parseCsv } from "@/test/helpers/csv";

import { query } from "./db";
import { openWithScriptsHeld } from "./scripts-held";
import { batchTokenAddress, rpcUrl, stack, storageStateFor } from "./stack";

const rows = (page: Page) => page.locator("tbody tr");
const cells = (page: Page, column: string) => page.locator(`tbody td[data-column="${column}"]`).allInnerTexts();

test("lists the demo batches, each on chain with the same quantity", async ({ page }) => {
  await page.goto("/inventory?limit=100");
  await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(stack.demoBatches);

  const listed = await rows(page).evaluateAll((trs) =>
    trs.map((tr) => ({ tokenId: tr.getAttribute("data-token-id")!, quantityKg: tr.getAttribute("data-quantity-kg")! })),
  );
  const client = createChainClient(rpcUrl, 31337);
  const onChain = await client.readContract({
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    functionName: "getBatches",
    args: [listed.map((r) => BigInt(r.tokenId))],
  });
  expect(onChain.every((b) => b.status > 0)).toBe(true);
  expect(listed.map((r) => r.quantityKg)).toEqual(onChain.map((b) => gramsToKg(b.quantity)));
});

test("a chosen origin applies at once (no button), stays in the URL, and Back undoes it", async ({ page }) => {
  await page.goto("/inventory");
  await expect(rows(page).first()).toBeVisible();
  const origin = page.getByLabel("Origin");
  const choice = (await origin.locator("option").allInnerTexts()).find((o) => o !== "Any")!;
  await origin.selectOption(choice);

  await expect(page).toHaveURL(new RegExp(`origin_country=${encodeURIComponent(choice).replace(/%20/g, "(\\+|%20)")}`));
  await expect
    .poll(async () => (await cells(page, "origin_country")).every((text) => text.startsWith(choice)))
    .toBe(true);

  await page.goBack();
  await expect(page).not.toHaveURL(/origin_country=/);
});

test("a search typed in the box applies by itself after a pause, and Back undoes it", async ({ page }) => {
  await page.goto("/inventory?sort=batch_code&order=asc");
  const code = (await rows(page).first().getAttribute("data-batch-code"))!;
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill(code);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${code}`));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute("data-batch-code", code);
  await expect(search).toBeFocused();

  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(search).toHaveValue("");
  await expect.poll(() => rows(page).count()).toBeGreaterThan(1);
});

test("filters by status from a shared URL", async ({ page }) => {
  await page.goto("/inventory?status=expired&limit=100");
  await expect(rows(page).first()).toBeVisible();
  expect(new Set(await cells(page, "status"))).toEqual(new Set(["expired"]));
  await expect(page.getByLabel("Status")).toHaveValue("expired");
});

test("Next and Previous round-trip to the same rows, and First page goes back to the start", async ({ page }) => {
  await page.goto("/inventory?sort=batch_code&order=asc&limit=10");
  const codes = () => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-batch-code")!));
  // Each click waits for its page, so the next click is on the new page's links.
  const go = async (name: string) => {
    const url = page.url();
    await page.getByRole("link", { name }).click();
    await expect(page).not.toHaveURL(url);
  };
  const next = () => go("Next page →");
  const previous = () => go("‹ Previous");
  const first = await codes();
  expect(first).toHaveLength(10);
  expect(first).toEqual([...first].sort());
  await expect(page.getByRole("link", { name: "‹ Previous" })).toHaveCount(0);

  await next();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows(page).first()).not.toHaveAttribute("data-batch-code", first[0]);
  const second = await codes();
  expect(second[0] > first[9]).toBe(true);
  await next();
  await expect(rows(page).first()).not.toHaveAttribute("data-batch-code", second[0]);
  const third = await codes();
  expect(third[0] > second[9]).toBe(true);

  await previous();
  await expect.poll(codes).toEqual(second);
  await next();
  await expect.poll(codes).toEqual(third);
  await previous();
  await previous();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect.poll(codes).toEqual(first);

  await next();
  await next();
  await page.getByRole("link", { name: "← First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect.poll(codes).toEqual(first);
});

test("shows an empty state, and explains an invalid filter instead of failing", async ({ page }) => {
  await page.goto("/inventory?q=no-such-batch-anywhere");
  await expect(page.getByText("No batches match these filters")).toBeVisible();
  for (const bad of ["status=lost", "q=%00", "status=active&status=verified"]) {
    await page.goto(`/inventory?${bad}`);
    await expect(page.getByText("These filters are not valid"), bad).toBeVisible();
  }
});

test("a batch minted on the running chain appears on the open page without a reload", async ({ page }) => {
  await page.goto("/inventory");
  await expect(rows(page).first()).toBeVisible();

  const [batch] = demoBatches(1, new Date(), 99);
  batch.metadata.batch_code = `E2E-LIVE-${Date.now().toString(36).toUpperCase()}`;
  const client = createChainClient(rpcUrl, 31337);
  const { tokenId } = await mintBatch({ client, rpcUrl, address: batchTokenAddress() }, devAccount(1), batch);

  const row = page.locator(`tbody tr[data-token-id="${tokenId}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(batch.metadata.batch_code);
});

type ApiBatch = {
  id: number;
  batch_code: string;
  quantity_kg: string;
  status: string;
  expiry_date: string;
  process: string | null;
};

/** Every batch the API lists for these filters, page by page. */
async function listAll(page: Page, params: Record<string, string>): Promise<ApiBatch[]> {
  const all: ApiBatch[] = [];
  let cursor: string | null = null;
  do {
    const res = await page.request.get(
      `/api/batches?${new URLSearchParams({ ...params, limit: "100", ...(cursor ? { cursor } : {}) })}`,
    );
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { data: ApiBatch[]; next_cursor: string | null };
    all.push(...body.data);
    cursor = body.next_cursor;
  } while (cursor);
  return all;
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("filters by expiry window and process from a shared URL, the same rows the API gives", async ({ page }) => {
  const apiRows = await listAll(page, { expiry_window: "90" });
  expect(apiRows.length).toBeGreaterThan(0);
  for (const b of apiRows) {
    expect(["active", "verified", "flagged"]).toContain(b.status);
    expect(b.expiry_date >= today() && b.expiry_date <= inDays(90)).toBe(true);
  }
  await page.goto("/inventory?expiry_window=90&limit=100");
  await expect(page.getByLabel("Expiry")).toHaveValue("90");
  await expect
    .poll(() => rows(page).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-batch-id")))))
    .toEqual(apiRows.map((b) => b.id));

  const process = apiRows[0].process!;
  await page.goto(`/inventory?expiry_window=90&process=${process}&sync_status=synced&limit=100`);
  await expect(rows(page).first()).toBeVisible();
  for (const text of await cells(page, "process")) expect(text.toLowerCase().replace(" ", "_")).toBe(process);
  expect(new Set(await cells(page, "sync_status"))).toEqual(new Set(["synced"]));
});

test("filters by grade, risk and expiry with the controls, all kept in the URL, and lists exactly the matching rows", async ({
  page,
}) => {
  // The demo batches have no grade or risk yet: give an expired one both, as a verifier and an operator would.
  const [target] = await query<{ id: string; batch_code: string }>(
    "select id, batch_code from batches where token_id is not null and expiry_date < (now() at time zone 'UTC')::date and status in ('active', 'verified', 'flagged', 'expired') order by id limit 1",
  );
  const verifier = await playwrightRequest.newContext({
    baseURL: `http://127.0.0.1:${stack.port}`,
    storageState: storageStateFor("verifier"),
  });
  const checked = await verifier.post(`/api/batches/${target.id}/quality-check`, {
    data: { cupping_score: 86.5, moisture_pct: 11, primary_defects: 0, secondary_defects: 2, screen_size: 17 },
  });
  expect(checked.status()).toBe(201);
  await verifier.dispose();
  const fraud = await page.request.post(`/api/batches/${target.id}/detect-fraud`);
  expect(fraud.ok()).toBe(true);
  const [{ quality_grade: grade, risk_level: risk }] = await query<{ quality_grade: string; risk_level: string }>(
    "select quality_grade, risk_level from batches where id = $1",
    [target.id],
  );
  expect(grade).toBe("specialty");
  expect(risk).toBeTruthy();

  await page.goto("/inventory");
  await page.getByLabel("Expiry").selectOption("expired");
  await page.getByLabel("Fraud risk").selectOption(risk);
  await page.getByLabel("Quality grade").selectOption(grade);
  await expect(page).toHaveURL(/expiry_window=expired/);
  await expect(page).toHaveURL(new RegExp(`risk_level=${risk}`));
  await expect(page).toHaveURL(new RegExp(`quality_grade=${grade}`));
  const apiRows = await listAll(page, { expiry_window: "expired", risk_level: risk, quality_grade: grade });
  expect(apiRows.map((r) => r.batch_code)).toContain(target.batch_code);
  // Every row the API and the page give satisfies all three filters, and no other batch does.
  const matching = await query<{ batch_code: string }>(
    "select batch_code from batches where expiry_date < (now() at time zone 'UTC')::date and status in ('active', 'verified', 'flagged', 'expired') and risk_level = $1 and quality_grade = $2",
    [risk, grade],
  );
  expect(apiRows.map((r) => r.batch_code).sort()).toEqual(matching.map((r) => r.batch_code).sort());
  await expect.poll(() => rows(page).count()).toBe(Math.min(apiRows.length, 25));
  for (const text of await cells(page, "quality_grade")) expect(text.toLowerCase()).toContain(grade);
  for (const text of await cells(page, "risk_level")) expect(text.toLowerCase()).toContain(risk);
  for (const row of apiRows) expect(new Date(row.expiry_date).getTime()).toBeLessThan(Date.now());
  // Each choice was one step: Back undoes the last one alone.
  await page.goBack();
  await expect(page).not.toHaveURL(/quality_grade=/);
  await expect(page).toHaveURL(new RegExp(`risk_level=${risk}`));
  await expect(page.getByLabel("Quality grade")).toHaveValue("");
});

test("sorts by a column heading, and a second click reverses the order", async ({ page }) => {
  await page.goto("/inventory?limit=100");
  await page.getByRole("link", { name: "Quantity (kg)" }).click();
  await expect(page).toHaveURL(/sort=quantity_kg&order=desc/);
  const quantities = () =>
    rows(page).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-quantity-kg"))));
  await expect.poll(quantities).toEqual((await quantities()).toSorted((a, b) => b - a));
  const descending = await quantities();
  expect(descending.length).toBeGreaterThan(1);
  expect(descending[0]).toBeGreaterThan(descending.at(-1)!);

  await page.getByRole("link", { name: /Quantity \(kg\)/ }).click();
  await expect(page).toHaveURL(/sort=quantity_kg&order=asc/);
  await expect.poll(async () => (await quantities())[0]).toBe(Math.min(...descending));
  await expect(page.getByRole("columnheader", { name: /Quantity/ })).toHaveAttribute("aria-sort", "ascending");
});

/** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks. */
test("exports the current filter as CSV, row for row what the API lists", async ({ page }) => {
  await page.goto("/inventory?status=active,verified&sort=quantity_kg&order=asc");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these batches as CSV" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const [header, ...data] = parseCsv(readFileSync(file, "utf8"));
  const at = (name: string) => header.indexOf(name);
  const apiRows = await listAll(page, { status: "active,verified", sort: "quantity_kg", order: "asc" });
  expect(apiRows.length).toBeGreaterThan(25); // more than one page of the table
  expect(data.map((r) => [Number(r[at("id")]), r[at("batch_code")], r[at("quantity_kg")], r[at("status")]])).toEqual(
    apiRows.map((b) => [b.id, b.batch_code, b.quantity_kg, b.status]),
  );
});

test("requests counts for the selected rows in bulk, with progress", async ({ page }) => {
  await page.goto("/inventory?status=active&limit=10");
  await expect(rows(page).first()).toBeVisible();
  // Not past its expiry date: an expired batch is not counted.
  const day = today();
  const picked = await rows(page).evaluateAll(
    (trs, d) =>
      trs
        .filter((tr) => tr.querySelector('td[data-column="expiry_date"]')!.textContent!.trim() > d)
        .slice(0, 2)
        .map((tr) => tr.getAttribute("data-batch-code")!),
    day,
  );
  for (const code of picked) await page.getByLabel(`Select ${code}`).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected.");
  await page.getByRole("button", { name: "Request counts" }).click();
  await expect(page.getByTestId("bulk-progress")).toHaveText("2 of 2");
  await expect(page.getByTestId("bulk-result")).toHaveCount(2);
  for (const result of await page.getByTestId("bulk-result").allInnerTexts())
    expect(result).toMatch(/Count requested \(#\d+\)/);
});

test("syncs one row from its actions, repairing what was changed behind the chain's back", async ({ page }) => {
  const [broken] = await query<{ id: string; batch_code: string; onchain_quantity: string }>(
    "update batches set onchain_quantity = onchain_quantity + 7, sync_status = 'out_of_sync' where id = (select max(id) from batches where token_id is not null and status = 'active') returning id, batch_code, (onchain_quantity - 7)::text as onchain_quantity",
  );
  await page.goto(`/inventory?q=${broken.batch_code}`);
  const row = page.locator(`tbody tr[data-batch-code="${broken.batch_code}"]`);
  await expect(row.locator('td[data-column="sync_status"]')).toHaveText(/out of sync/i);
  const synced = page.waitForResponse(
    (r) => r.url().endsWith(`/api/batches/${broken.id}/sync`) && r.request().method() === "POST",
  );
  await page
    .getByRole("group", { name: `Actions for ${broken.batch_code}` })
    .getByRole("button", { name: "Sync" })
    .click();
  expect((await synced).status()).toBe(200);
  await expect(
    page.getByRole("status").filter({ hasText: `${broken.batch_code}: Synced, row repaired` }),
  ).toBeVisible();
  await expect(row.locator('td[data-column="sync_status"]')).toHaveText(/^synced$/i);
  const [repaired] = await query<{ onchain_quantity: string }>(
    "select onchain_quantity::text from batches where id = $1",
    [broken.id],
  );
  expect(repaired.onchain_quantity).toBe(broken.onchain_quantity);
});

test("Reset clears the form and the URL, so the next Apply does not bring the old filter back", async ({ page }) => {
  await page.goto("/inventory?status=expired&q=ETH");
  await expect(page.getByLabel("Status")).toHaveValue("expired");
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("Search")).toHaveValue("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByLabel("Status")).toHaveValue("");
  expect(page.url()).not.toMatch(/status=expired|q=ETH/);
});

test("a heading sort shows in Sort by and Order, and survives the next filter", async ({ page }) => {
  await page.goto("/inventory");
  await page.getByRole("link", { name: "Quantity (kg)" }).click();
  await expect(page).toHaveURL(/sort=quantity_kg&order=desc/);
  await expect(page.getByLabel("Sort by")).toHaveValue("quantity_kg");
  await expect(page.getByLabel("Order")).toHaveValue("desc");
  await page.getByLabel("Status").selectOption("active");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page).toHaveURL(/sort=quantity_kg/);
  await expect(page.getByRole("columnheader", { name: /Quantity/ })).toHaveAttribute("aria-sort", "descending");
});

test("search matches the origin country and the region, with a result count", async ({ page }) => {
  const [{ country, region }] = await query<{ country: string; region: string }>(
    "select origin_country as country, region from batches where region is not null group by 1, 2 order by count(*) desc limit 1",
  );
  for (const term of [country, region]) {
    const [{ n }] = await query<{ n: number }>(
      "select count(*)::int as n from batches where origin_country ilike $1 or region ilike $1 or batch_code ilike $1 or farm ilike $1 or cooperative ilike $1",
      [`%${term}%`],
    );
    expect(n, term).toBeGreaterThan(0);
    await page.goto(`/inventory?${new URLSearchParams({ q: term, limit: "100" })}`);
    await expect(page.getByTestId("result-count")).toContainText(
      `${n.toLocaleString("en-US")} batch${n === 1 ? "" : "es"} match`,
    );
    await expect(rows(page)).toHaveCount(Math.min(n, 100));
    for (const text of await cells(page, "origin_country")) expect(text, term).toContain(term);
  }
});

test("at 1280 px the inventory fits without scrolling sideways, Status and each row's actions in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/inventory");
  await expect(rows(page).first()).toBeVisible();
  const scroller = page.locator("table").locator("xpath=..");
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth, `table ${scrollWidth}px in ${clientWidth}px`).toBeLessThanOrEqual(clientWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expect(page.getByRole("columnheader", { name: "Status" })).toBeInViewport();
  const first = rows(page).first();
  await expect(first.locator('td[data-column="status"]')).toBeInViewport();
  const actions = first.getByRole("group", { name: /Actions for/ });
  await expect(actions).toBeInViewport({ ratio: 1 });
});

test("before the page's scripts run, its buttons show busy instead of ignoring a click", async ({ page }) => {
  // The server's HTML is all there is until the scripts are let through.
  const release = await openWithScriptsHeld(page, "/inventory");
  const syncNow = page.getByRole("button", { name: "Sync now" });
  await expect(syncNow).toHaveAttribute("aria-busy", "true", { timeout: 15_000 });
  await expect(syncNow).toBeDisabled();
  const rowSync = page
    .getByRole("group", { name: /Actions for/ })
    .first()
    .getByRole("button", { name: "Sync" });
  await expect(rowSync).toHaveAttribute("aria-busy", "true");
  release();
  await expect(syncNow).toBeEnabled({ timeout: 20_000 });
  await expect(syncNow).toHaveAttribute("aria-busy", "false");
});

test("a filter chosen before the page's scripts run is applied once they do, not undone", async ({ page }) => {
  const release = await openWithScriptsHeld(page, "/inventory");
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveAttribute("aria-busy", "true", {
    timeout: 15_000,
  });
  await page.getByLabel("Expiry").selectOption("expired");
  release();
  await expect(page.getByRole("button", { name: "Sync now" })).toBeEnabled({ timeout: 20_000 });
  await page.getByLabel("Fraud risk").selectOption("low");

  await expect(page).toHaveURL(/expiry_window=expired/);
  await expect(page).toHaveURL(/risk_level=low/);
  await expect(page.getByLabel("Expiry")).toHaveValue("expired");
});

test("the first Tab reaches a skip link, and a dark primary button shows a clear focus ring in light mode", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/inventory");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const apply = page.getByRole("button", { name: "Apply filters" });
  await apply.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(apply).toBeFocused();
  const ring = await apply.evaluate((el) => {
    const style = getComputedStyle(el);
    return { outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, outlineColor: style.outlineColor };
  });
  expect(ring.outlineStyle).toBe("solid");
  expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
  expect(ring.outlineColor).toBe("rgb(37, 99, 235)");
});

test("keyboard shortcuts: / searches, j and k walk the rows, x selects, s syncs the row, o opens it, ? lists them", async ({
  page,
}) => {
  await page.goto("/inventory?status=active&sort=batch_code&order=asc&limit=10");
  await expect(rows(page).first()).toBeVisible();
  const codes = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-batch-code")!));

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeFocused();
  // Typed in the box, j is a letter, not a shortcut.
  await page.keyboard.type("j");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("j");
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await page.locator("h1").click();

  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const second = page.locator(`tbody tr[data-batch-code="${codes[1]}"]`);
  await expect(second).toBeFocused();

  await page.keyboard.press("x");
  await expect(page.getByLabel(`Select ${codes[1]}`)).toBeChecked();
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected.");

  const synced = page.waitForResponse(
    (r) => /\/api\/batches\/\d+\/sync$/.test(r.url()) && r.request().method() === "POST",
  );
  await second.focus();
  await page.keyboard.press("s");
  expect((await synced).status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: `${codes[1]}: ` })).toBeVisible();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next / previous row");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await second.focus();
  await page.keyboard.press("o");
  await expect(page.getByRole("heading", { level: 1, name: codes[1] })).toBeVisible();
});
