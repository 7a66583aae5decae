// The order pages from the outside: an admin gives a buyer its delivery wallet and an address; an
// operator's order for more than a batch has available is refused beside the form, which is kept;
// a draft is confirmed (its line reserved) and cancelled with a note, in the list under its status;
// and an order for two batches is confirmed and shipped to the demo roaster, who signs in and sees it.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { buyerAccount } from "@/lib/chain/dev-accounts";
import { gramsToKg, kgToGrams } from "@/lib/chain/units";
import type { DashboardMetrics } from "@/lib/dashboard/metrics";
import { formatDecimal } from "@/lib/format";
import { demoBuyers, demoPassword } from "@/scripts/lib/demo-users";

import { query } from "./db";
import { openWithScriptsHeld } from "./scripts-held";
import { submitSignIn } from "./sign-in";
import { batchTokenAddress, rpcUrl, stack, storageStateFor } from "./stack";

// The operator's order goes to the buyer the admin gave a wallet and an address.
test.describe.configure({ mode: "serial" });

const buyerName = `Page Roasters ${Date.now()}`;
const wallet = `0x${randomBytes(20).toString("hex")}`;

test.beforeAll(async ({ playwright }) => {
  const admin = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${stack.port}`,
    storageState: storageStateFor("admin"),
  });
  const made = await admin.post("/api/admin/organisations", { data: { name: buyerName, kind: "roaster" } });
  expect(made.status()).toBe(201);
  await admin.dispose();
});

/** The first batch offered with at least 2 kg available: its code and what it has available. */
async function firstBatch(page: Page) {
  const rows = page.getByTestId("batch-choices").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    const available = (await row.locator('td[data-column="available_kg"]').innerText()).replace(/,/g, "");
    if (Number(available) >= 2) return { code: await row.locator("td").first().innerText(), available };
  }
  throw new Error("no batch with 2 kg available");
}

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("sets a buyer's delivery wallet and adds an address", async ({ page }) => {
    await page.goto("/admin");
    await page.getByLabel("Buyer to change").selectOption({ label: `${buyerName} (roaster)` });
    await page.getByLabel("Delivery wallet (empty: ships by redemption)").fill(wallet);
    await page.getByRole("button", { name: "Save delivery wallet" }).click();
    const row = page.getByRole("table", { name: "Buyers" }).getByRole("row").filter({ hasText: buyerName });
    await expect(row).toContainText(wallet);
    await page.getByLabel("Address label").fill("Roastery");
    await page.getByLabel("Street and town").fill("1 Bean Lane, Leeds");
    await page.getByLabel("Country", { exact: true }).fill("United Kingdom");
    await page.getByRole("button", { name: "Add address" }).click();
    await expect(row).toContainText("Roastery: 1 Bean Lane, Leeds, United Kingdom");
  });
});

test.describe("operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("an order for more than is available is refused beside the kept form; a draft is confirmed, then cancelled with a note", async ({
    page,
  }) => {
    await page.goto("/orders");
    await page.getByRole("link", { name: "New order" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New order" })).toBeVisible();
    await page.getByLabel("Buyer", { exact: true }).selectOption({ label: `${buyerName} (roaster)` });
    await expect(page.getByTestId("buyer-delivery")).toContainText(wallet);
    await page
      .getByLabel("Delivery address (optional)")
      .selectOption({ label: "Roastery: 1 Bean Lane, Leeds, United Kingdom" });
    const batch = await firstBatch(page);
    await page.getByRole("button", { name: `Add ${batch.code}` }).click();
    const kg = page.getByLabel(`Quantity (kg) of ${batch.code}`);
    await kg.fill(String(Number(batch.available) + 1));
    await page.getByRole("button", { name: "Create and confirm" }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: `${batch.available} kg available` })
        .first(),
    ).toBeVisible();
    await expect(kg).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/orders\/new$/);

    await kg.fill("1.5");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const id = page.url().split("/").at(-1)!;
    await expect(page.getByRole("heading", { level: 1, name: `Order #${id}` })).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("draft");
    await expect(page.getByTestId("order-lines")).toContainText(batch.code);
    await expect(page.getByText("Roastery: 1 Bean Lane, Leeds, United Kingdom")).toBeVisible();

    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(page.getByTestId("order-status")).toHaveText("reserved");
    await expect(page.getByTestId("order-reservations").getByRole("row").filter({ hasText: "1.500" })).toContainText(
      "active",
    );

    await page.getByRole("button", { name: "Cancel order" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancel order #${id}?` });
    await dialog.getByLabel("Note (optional)").fill("buyer changed plans");
    await dialog.getByRole("button", { name: "Yes, cancel order" }).click();
    await expect(page.getByTestId("order-status")).toHaveText("cancelled");
    await expect(page.getByTestId("order-reservations")).toContainText("released");
    await expect(page.getByTestId("order-history").getByRole("row").last()).toContainText("buyer changed plans");
    await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

    await page.goto("/orders?status=cancelled");
    await expect(page.getByTestId("orders").locator(`tr[data-order-id="${id}"]`)).toContainText(buyerName);
    await page.goto("/orders?status=draft");
    await expect(page.getByTestId("orders").locator(`tr[data-order-id="${id}"]`)).toHaveCount(0);
  });
});

test("before the page's scripts run, the new order's fields cannot be chosen (a choice would be undone); once they run, a buyer chosen shows its delivery", async ({
  page,
}) => {
  const release = await openWithScriptsHeld(page, "/orders/new");
  const buyer = page.getByLabel("Buyer", { exact: true });
  await expect(buyer).toBeDisabled({ timeout: 15_000 });
  release();
  await expect(buyer).toBeEnabled({ timeout: 20_000 });
  await buyer.selectOption({ label: "Nordic Roasting Co. (roaster)" });
  await expect(page.getByTestId("buyer-delivery")).toContainText(buyerAccount.address.toLowerCase());
});

test.describe("an order from taking to the buyer's wallet", () => {
  test.use({ storageState: storageStateFor("operator") });
  test.describe.configure({ timeout: 120_000 });

  test("an operator takes an order for two batches from a buyer, confirms and ships it; the dashboard's available stock drops by exactly its kilograms; the buyer sees the order and holds the tokens", async ({
    page,
    browser,
  }) => {
    const availableNow = async () =>
      kgToGrams(
        ((await (await page.request.get("/api/dashboard/metrics")).json()) as DashboardMetrics).orders.available_kg,
      );
    const before = await availableNow();

    await page.goto("/orders/new");
    await page.getByLabel("Buyer", { exact: true }).selectOption({ label: "Nordic Roasting Co. (roaster)" });
    await expect(page.getByTestId("buyer-delivery")).toContainText(buyerAccount.address.toLowerCase());
    const rows = page.getByTestId("batch-choices").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const picked: { code: string; kg: string }[] = [];
    for (const row of await rows.all()) {
      const available = (await row.locator('td[data-column="available_kg"]').innerText()).replace(/,/g, "");
      if (Number(available) >= 2 && picked.length < 2)
        picked.push({ code: await row.locator("td").first().innerText(), kg: picked.length ? "0.75" : "1.25" });
    }
    expect(picked).toHaveLength(2);
    for (const p of picked) {
      await page.getByRole("button", { name: `Add ${p.code}` }).click();
      await page.getByLabel(`Quantity (kg) of ${p.code}`).fill(p.kg);
    }
    await page.getByRole("button", { name: "Create and confirm" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const id = page.url().split("/").at(-1)!;
    await expect(page.getByTestId("order-status")).toHaveText("reserved");
    const ordered = kgToGrams("2.000");
    expect(await availableNow()).toBe(before - ordered);

    await page.getByRole("button", { name: "Ship", exact: true }).click();
    // The worker sends both transfers; the page follows until the indexer has them.
    await expect(page.getByTestId("order-status")).toHaveText("shipped", { timeout: 60_000 });
    await expect(page.getByTestId("order-shipments")).not.toContainText("queued");
    for (const p of picked)
      await expect(
        page
          .getByTestId("order-lines")
          .getByRole("row")
          .filter({ hasText: p.code })
          .locator('td[data-column="in_buyer_wallet_kg"]'),
      ).toHaveText(formatDecimal(p.kg, 3));
    // Shipped: no longer reserved, and not for sale either (the buyer holds it).
    expect(await availableNow()).toBe(before - ordered);
    await page.goto("/dashboard");
    await expect(page.getByTestId("kpi-available")).toHaveText(`${formatDecimal(gramsToKg(before - ordered), 3)} kg`);

    // On chain, the buyer's wallet holds exactly what was ordered of each batch.
    const lines = await query<{ token_id: string; quantity: string }>(
      "select b.token_id::text, l.quantity::text from order_lines l join batches b on b.id = l.batch_id where l.order_id = $1",
      [id],
    );
    for (const l of lines)
      expect(
        await createChainClient(rpcUrl, 31337).readContract({
          address: batchTokenAddress(),
          abi: batchTokenAbi,
          functionName: "balanceOf",
          args: [buyerAccount.address, BigInt(l.token_id)],
        }),
      ).toBe(BigInt(l.quantity));

    // The buyer's member signs in: its own orders only, this one shipped, and both batches in its inventory.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const buyer = await context.newPage();
    await buyer.goto("/sign-in");
    await submitSignIn(buyer, demoBuyers[0].member!.email, demoPassword);
    await expect(buyer).not.toHaveURL(/sign-in/);
    await buyer.goto("/orders");
    const listed = buyer.getByTestId("orders").locator("tr[data-order-id]");
    await expect(buyer.getByTestId("orders").locator(`tr[data-order-id="${id}"]`)).toHaveCount(1);
    const others = await query<{ n: string }>(
      "select count(*)::text as n from orders o join organisations b on b.id = o.buyer_id where b.name <> 'Nordic Roasting Co.'",
    );
    expect(Number(others[0].n)).toBeGreaterThan(0);
    for (const row of await listed.all()) await expect(row).toContainText("Nordic Roasting Co.");
    await buyer.goto(`/orders/${id}`);
    await expect(buyer.getByTestId("order-status")).toHaveText("shipped");
    await expect(buyer.getByRole("button", { name: "Ship", exact: true })).toHaveCount(0);
    await buyer.goto("/inventory");
    for (const p of picked) await expect(buyer.getByRole("link", { name: p.code, exact: true })).toBeVisible();
    await context.close();
  });
});
