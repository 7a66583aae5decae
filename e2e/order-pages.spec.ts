// The order pages from the outside: an admin gives a buyer its delivery wallet and an address; an
// operator's order for more than a batch has available is refused beside the form, which is kept;
// a draft is confirmed (its line reserved) and cancelled with a note, in the list under its status.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

import { stack, storageStateFor } from "./stack";

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
