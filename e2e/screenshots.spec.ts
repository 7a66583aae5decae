// A screenshot of every page at 1280×800 and on a phone (390×844), in light and in dark mode, kept
// with the run's artifacts (test-results/screenshots/, and attached to the HTML report); each also
// checked with axe (no serious or critical WCAG 2.1 A/AA violation) and for sideways scrolling.
import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, request, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";

import { query } from "./db";
import { deliverOrder, roomyWarehouse } from "./delivered-order";
import { stageNotification } from "./notification";
import { stack, storageStateFor } from "./stack";
import { stageSystemAlert } from "./system-alert";

const dir = path.resolve(import.meta.dirname, "..", "test-results", "screenshots");

/** `role`: whose signed-in browser takes it (operator by default; null: signed out). */
type Shot = {
  name: string;
  path: (page: Page) => Promise<string>;
  ready: (page: Page) => Promise<void>;
  role?: string | null;
  /** Makes its data first (an order shipped on chain): more than a test's 30 s on a busy machine. */
  isSlow?: boolean;
};

/** The feed names batches by code and people by name: a fraud check run by the operator shows as both. */
async function feedSaysCodesAndNames(page: Page) {
  await heading(/Dashboard/)(page);
  const batch = await firstBatch();
  const [operator] = await query<{ name: string }>(
    "select name from users where role = 'operator' order by id limit 1",
  );
  const feed = page.getByTestId("activity-feed");
  const mine = feed
    .locator("li")
    .filter({ has: page.getByTestId("activity-actor").filter({ hasText: `by ${operator.name}` }) });
  await expect(
    mine.filter({ has: page.getByTestId("activity-batch").filter({ hasText: batch.batch_code }) }).first(),
  ).toBeVisible({ timeout: 15_000 });
  for (const code of await feed.getByTestId("activity-batch").allInnerTexts())
    expect(code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
  await expect(feed).not.toContainText(
    /\bBatch #?\d+|\b(user|system|api_key|wallet):|fraud_assessment|verification_request \d/,
  );
}

/** The console header (the most links: an admin's) on one line: every nav link and the sign-out at one height. */
async function headerOnOneLine(page: Page) {
  // On a phone the pages are behind a Menu button instead.
  if (isPhone(page)) return expect(page.getByText("Menu", { exact: true })).toBeVisible();
  const header = page.getByRole("banner");
  const tops = await header.locator("nav a, button").evaluateAll((elements) =>
    // The visible ones: the phone menu's copy of the links is not shown at this width.
    elements.filter((e) => e.getClientRects().length > 0).map((e) => Math.round(e.getBoundingClientRect().top)),
  );
  expect(tops.length).toBeGreaterThan(10);
  expect(Math.max(...tops) - Math.min(...tops), `link tops ${tops.join(", ")}`).toBeLessThan(8);
}

const phone = { width: 390, height: 844 };
const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) <= phone.width;

const heading = (name: string | RegExp) => (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
const firstBatch = async () =>
  (
    await query<{ id: string; batch_code: string }>(
      "select id, batch_code from batches where token_id is not null order by id limit 1",
    )
  )[0];

/**
 * A delivered order's line and a return against it, received and inspected (so its page shows the
 * recommendation and the decision form), made once for both colour schemes.
 */
let returned: Promise<{ lineId: number; returnId: number }> | null = null;
const apiAs = (role: string) =>
  request.newContext({ baseURL: `http://127.0.0.1:${stack.port}`, storageState: storageStateFor(role) });
function aReturn() {
  returned ??= (async () => {
    const operator = await apiAs("operator");
    const { lineId } = await deliverOrder(operator, "1.000");
    const made = await operator.post("/api/returns", {
      data: { order_line_id: lineId, quantity_kg: "0.5", reason: "transit_damage", note: "Screenshot" },
    });
    expect(made.status(), await made.text()).toBe(201);
    const { id } = (await made.json()) as { id: number };
    const received = await operator.post(`/api/returns/${id}/receive`, {
      data: { warehouse: await roomyWarehouse(operator) },
    });
    expect(received.status(), await received.text()).toBe(200);
    await expect
      .poll(async () => ((await (await operator.get(`/api/returns/${id}`)).json()) as { status: string }).status, {
        timeout: 60_000,
      })
      .toBe("received");
    const verifier = await apiAs("verifier");
    const inspected = await verifier.post(`/api/returns/${id}/inspect`, {
      data: { cupping_score: 82, moisture_pct: 12.5, primary_defects: 1, secondary_defects: 6, screen_size: 16 },
    });
    expect(inspected.status(), await inspected.text()).toBe(200);
    await verifier.dispose();
    await operator.dispose();
    return { lineId, returnId: id };
  })();
  return returned;
}

/** One open system alert for both colour schemes' shots. */
let systemAlert: ReturnType<typeof stageSystemAlert> | undefined;
let inboxNotification: ReturnType<typeof stageNotification> | undefined;

const shots: Shot[] = [
  { name: "sign-in", path: async () => "/sign-in", ready: heading(/Sign in/), role: null },
  {
    name: "inventory",
    path: async () => "/inventory",
    ready: async (page) => expect(page.locator("tbody tr").first()).toBeVisible(),
  },
  {
    name: "dashboard",
    path: async (page) => {
      const detected = await page.request.post(`/api/batches/${(await firstBatch()).id}/detect-fraud`);
      expect(detected.ok()).toBe(true);
      return "/dashboard";
    },
    ready: feedSaysCodesAndNames,
  },
  { name: "analytics", path: async () => "/analytics", ready: heading(/Analytics/) },
  {
    name: "batch",
    path: async () => `/batches/${(await firstBatch()).id}`,
    ready: async (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
  },
  { name: "verification", path: async () => "/verification", ready: heading(/Verification/) },
  { name: "stock", path: async () => "/stock", ready: heading(/Stock on hand/) },
  { name: "movements", path: async () => "/movements", ready: heading(/Stock movements/) },
  { name: "orders", path: async () => "/orders", ready: heading("Orders") },
  { name: "new-order", path: async () => "/orders/new", ready: heading("New order") },
  {
    name: "returns",
    path: async () => (await aReturn(), "/returns"),
    ready: heading("Returns"),
    isSlow: true,
  },
  {
    name: "return",
    path: async () => `/returns/${(await aReturn()).returnId}`,
    ready: heading(/^Return \d+$/),
    role: "verifier",
    isSlow: true,
  },
  {
    name: "new-return",
    path: async () => `/returns/new?order_line_id=${(await aReturn()).lineId}`,
    ready: heading("Request a return"),
    isSlow: true,
  },
  { name: "returns-analytics", path: async () => "/returns/analytics", ready: heading("Returns analytics") },
  // plots
  { name: "eudr", path: async () => "/eudr", ready: heading("EUDR plots") },
  {
    // A demo plot a batch lists: its map, edit form, history and batches.
    name: "plot",
    path: async () =>
      `/eudr/${(await query<{ id: string }>("select plot_id as id from batch_plots order by plot_id limit 1"))[0].id}`,
    ready: async (page) => expect(page.getByRole("heading", { name: "Batches from this plot" })).toBeVisible(),
  },
  // due diligence
  { name: "statements", path: async () => "/eudr/statements", ready: heading("Due diligence statements") },
  { name: "warehouses", path: async () => "/admin/warehouses", ready: heading(/Warehouses/), role: "admin" },
  { name: "webhooks", path: async () => "/admin/webhooks", ready: heading("Webhooks"), role: "admin" },
  {
    name: "system-alerts",
    path: async () => (await (systemAlert ??= stageSystemAlert("screenshot")), "/admin/system-alerts"),
    ready: heading("System alerts"),
    role: "admin",
  },
  {
    // An unread notification, so the header carries the Inbox badge and must still fit on one line.
    name: "inbox",
    path: async () => (
      await (inboxNotification ??= stageNotification("admin@batchtrail.local", {
        title: "System: audit chain broken",
        body: "The audit chain breaks at position 42: its hash does not match.",
        link: "/admin/system-alerts",
      })),
      "/inbox"
    ),
    ready: async (page) => {
      await heading("Inbox")(page);
      await expect(page.getByTestId("inbox-unread")).toBeVisible();
      await headerOnOneLine(page);
    },
    role: "admin",
  },
  { name: "events", path: async () => "/events", ready: heading(/Event/) },
  {
    name: "add-batch",
    path: async () => "/batches/new",
    ready: async (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
  },
  {
    name: "admin",
    path: async () => "/admin",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await headerOnOneLine(page);
    },
    role: "admin",
  },
  { name: "api-docs", path: async () => "/api-docs", ready: heading("API") },
  {
    name: "trace",
    path: async () => `/trace/${(await firstBatch()).batch_code}`,
    ready: async (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
  },
];

/** The mean relative luminance (0 black, 1 white) of every pixel of a screenshot, from its decoded RGBA bytes. */
function meanLuminance(png: PNG): number {
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4)
    sum += 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
  return sum / (png.data.length / 4) / 255;
}

mkdirSync(dir, { recursive: true });

const viewports = [
  { device: "", viewport: { width: 1280, height: 800 } },
  { device: " on a phone", viewport: phone },
] as const;

for (const { device, viewport } of viewports)
  for (const colorScheme of ["light", "dark"] as const) {
    for (const shot of shots) {
      test(`${shot.name}${device} in ${colorScheme} mode`, async ({ browser }, testInfo) => {
        test.slow(shot.isSlow === true);
        const context = await browser.newContext({
          viewport,
          colorScheme,
          storageState: shot.role === null ? undefined : storageStateFor(shot.role ?? "operator"),
        });
        const page = await context.newPage();
        await page.goto(await shot.path(page));
        await shot.ready(page);
        await page.waitForLoadState("networkidle").catch(() => undefined); // live pages keep a stream open
        const name = `${shot.name}${device ? "-phone" : ""}-${colorScheme}`;
        const file = path.join(dir, `${name}.png`);
        const png = PNG.sync.read(await page.screenshot({ path: file }));
        await testInfo.attach(name, { path: file, contentType: "image/png" });
        // Usable at this width: the page itself never scrolls sideways (wide tables scroll in their frames).
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${name}: page width`,
        ).toBeLessThanOrEqual(viewport.width);
        // Accessibility: no serious or critical violation of WCAG 2.1 A and AA rules (axe-core), on every
        // page in both schemes, at the desktop width (the phone's pages are the same markup but the menu).
        if (!device) {
          const { violations } = await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          expect(
            grave.map(
              (v) =>
                `${v.impact} ${v.id}: ${v.help} (${v.nodes
                  .map((n) => n.target.join(" "))
                  .slice(0, 5)
                  .join("; ")})`,
            ),
            `${name}: axe violations`,
          ).toEqual([]);
        }
        // The picture itself follows the colour scheme: dark pixels on the whole in dark mode, light ones in light mode.
        const luminance = meanLuminance(png);
        if (colorScheme === "dark")
          expect(luminance, `${name}: mean luminance of the dark screenshot`).toBeLessThan(0.3);
        else expect(luminance, `${name}: mean luminance of the light screenshot`).toBeGreaterThan(0.7);
        await context.close();
      });
    }
  }
