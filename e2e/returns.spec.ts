// A return from the outside (issue 19): an order shipped and delivered to the demo roaster; its
// member asks to return part of a line with a photo; an operator receives it at a warehouse (the
// stock comes back: exactly one `returned` movement from the buyer's wallet to the shipping wallet,
// held until decided); a verifier inspects it and accepts the recommendation to resell, which moves
// no stock and puts it up for sale; the
// analytics count it. An operator may not decide; the buyer sees its return but no staff action.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PNG } from "pngjs";

import { buyerAccount, shipperAccount } from "@/lib/chain/dev-accounts";
import { kgToGrams } from "@/lib/chain/units";
import type { DashboardMetrics } from "@/lib/dashboard/metrics";
import { demoBuyers, demoPassword } from "@/scripts/lib/demo-users";

import { deliverOrder, roomyWarehouse } from "./delivered-order";
import { submitSignIn } from "./sign-in";
import { storageStateFor } from "./stack";

test.use({ storageState: storageStateFor("operator") });
test.describe.configure({ timeout: 240_000 });

type Movement = { id: number; quantity_kg: string; from_holder: string; to_holder: string; to_warehouse: string };
type ReasonRow = { value: string; returns: number; returned_kg: string };

/** A tiny valid PNG: 2×2 pixels of coffee brown. */
function photo(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([111, 78, 55, 255], i);
  return PNG.sync.write(png);
}

async function signInAsBuyer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, demoBuyers[0].member!.email, demoPassword);
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

test("a buyer's return is received back into stock, inspected and resold as recommended; the analytics count it", async ({
  page,
  browser,
}) => {
  const api = page.request;
  const { orderId, batch } = await deliverOrder(api, "2.000");

  const availableOfBatch = async () =>
    kgToGrams(((await (await api.get(`/api/batches/${batch.id}`)).json()) as { available_kg: string }).available_kg);
  const returnedMovements = async () =>
    (
      (await (await api.get(`/api/stock-movements?batch_id=${batch.id}&type=returned&limit=200`)).json()) as {
        data: Movement[];
      }
    ).data;
  const shipperHolds = async (warehouse: string) =>
    kgToGrams(
      (
        (await (await api.get(`/api/batches/${batch.id}/holdings`)).json()) as {
          data: { holder: string; warehouse: string; quantity_kg: string }[];
        }
      ).data.find((h) => h.holder === shipperAccount.address.toLowerCase() && h.warehouse === warehouse)?.quantity_kg ??
        "0",
    );
  const unpromised = async () =>
    kgToGrams(((await (await api.get("/api/dashboard/metrics")).json()) as DashboardMetrics).orders.available_kg);
  const wrongLot = async () =>
    ((await (await api.get("/api/returns/analytics")).json()) as { by_reason: ReasonRow[] }).by_reason.find(
      (r) => r.value === "wrong_lot",
    ) ?? { value: "wrong_lot", returns: 0, returned_kg: "0.000" };
  const before = {
    available: await availableOfBatch(),
    movements: await returnedMovements(),
    unpromised: await unpromised(),
    wrongLot: await wrongLot(),
  };

  // The buyer's member asks, from its delivered order's line.
  const buyer = await signInAsBuyer(browser);
  await buyer.goto(`/orders/${orderId}`);
  await buyer
    .getByTestId("order-lines")
    .getByRole("row")
    .filter({ hasText: batch.batch_code })
    .getByRole("link", { name: "Return…" })
    .click();
  await expect(buyer.getByRole("heading", { level: 1, name: "Request a return" })).toBeVisible();
  await expect(buyer.getByText(batch.batch_code)).toBeVisible();
  await buyer.getByLabel("Reason").selectOption({ label: "Wrong lot" });
  await buyer.getByLabel("Note (optional)").fill("Sacks labelled for another batch");
  await buyer.getByLabel(/^Photos/).setInputFiles({ name: "label.png", mimeType: "image/png", buffer: photo() });
  // More than shipped: refused beside the quantity, the form kept.
  const kg = buyer.getByLabel("Quantity (kg)");
  await kg.fill("5");
  await buyer.getByRole("button", { name: "Request return" }).click();
  await expect(buyer.getByRole("alert").filter({ hasText: "at most 2.000 kg can be returned" })).toBeVisible();
  await expect(kg).toHaveAttribute("aria-invalid", "true");
  await expect(buyer).toHaveURL(/\/returns\/new\?order_line_id=\d+$/);
  await kg.fill("1.5");
  await buyer.getByRole("button", { name: "Request return" }).click();
  await expect(buyer).toHaveURL(/\/returns\/\d+$/);
  const id = Number(buyer.url().split("/").at(-1));
  await expect(buyer.getByRole("heading", { level: 1, name: `Return ${id}` })).toBeVisible();
  await expect(buyer.getByTestId("return-status")).toHaveText("requested");
  await expect(buyer.getByText("Sacks labelled for another batch")).toBeVisible();
  // The photo's URL serves the image itself.
  const thumbnail = buyer.getByRole("img", { name: "Photo label.png" });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  // Read only for the buyer: no intake, though an operator would have it now.
  await expect(buyer.getByRole("button", { name: "Receive" })).toHaveCount(0);
  await expect(buyer.getByRole("heading", { name: "Intake" })).toHaveCount(0);
  await buyer.goto("/returns");
  await expect(buyer.getByTestId("returns").locator(`tr[data-return-id="${id}"]`)).toHaveCount(1);
  for (const row of await buyer.getByTestId("returns").locator("tr[data-return-id]").all())
    await expect(row).toContainText("Nordic Roasting Co.");

  // The operator opens it from the queue and receives it at a warehouse with room.
  const warehouse = await roomyWarehouse(api);
  const heldBefore = await shipperHolds(warehouse);
  await page.goto("/returns?status=requested");
  await page.getByRole("link", { name: `Return ${id}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Return ${id}` })).toBeVisible();
  await page.getByLabel("Warehouse").selectOption(warehouse);
  await page.getByRole("button", { name: "Receive" }).click();
  // The worker sends the transfer back; the page follows until the indexer has it.
  await expect(page.getByTestId("return-status")).toHaveText("received", { timeout: 60_000 });
  await expect(page.getByTestId("return-transactions").locator('tr[data-purpose="intake"]')).toHaveAttribute(
    "data-status",
    "indexed",
  );

  // On hand in the shipping wallet at that warehouse, by exactly the returned quantity, but not for
  // sale until its disposition is decided.
  const returnedKg = kgToGrams("1.500");
  expect(await shipperHolds(warehouse)).toBe(heldBefore + returnedKg);
  expect(await availableOfBatch()).toBe(before.available);
  expect(await unpromised()).toBe(before.unpromised);
  const afterIntake = await returnedMovements();
  const added = afterIntake.filter((m) => !before.movements.some((b) => b.id === m.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({
    quantity_kg: "1.500",
    from_holder: buyerAccount.address.toLowerCase(),
    to_holder: shipperAccount.address.toLowerCase(),
    to_warehouse: warehouse,
  });

  // The verifier inspects: specialty coffee, so reselling it is recommended.
  const verifierContext = await browser.newContext({ storageState: storageStateFor("verifier") });
  const verifier = await verifierContext.newPage();
  await verifier.goto(`/returns/${id}`);
  const inspection = verifier.getByRole("form", { name: "Inspect the return" });
  await inspection.getByLabel("Cupping score").fill("85.5");
  await inspection.getByLabel("Moisture (%)").fill("11");
  await inspection.getByLabel("Primary defects").fill("0");
  await inspection.getByLabel("Secondary defects").fill("3");
  await inspection.getByLabel("Screen size", { exact: true }).fill("17");
  await inspection.getByRole("button", { name: "Inspect" }).click();
  await expect(verifier.getByTestId("return-status")).toHaveText("inspected");
  await expect(verifier.getByTestId("inspection-result")).toContainText("specialty");
  await expect(verifier.getByTestId("recommended-option")).toContainText("Resell");
  await expect(verifier.getByTestId("recommendation-options").locator("tbody tr")).toHaveCount(5);
  expect(await verifier.getByTestId("recommendation-factors").locator("tbody tr").count()).toBeGreaterThan(0);

  // An operator may not decide: refused naming the verifier role, the return unchanged.
  const refused = await api.post(`/api/returns/${id}/decide`, { data: { disposition: "resell" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("verifier");
  expect(await (await api.get(`/api/returns/${id}`)).json()).toMatchObject({ status: "inspected", disposition: null });

  await expect(verifier.getByRole("radio", { name: /^Resell/ })).toBeChecked();
  await verifier.getByRole("button", { name: "Accept recommendation" }).click();
  await expect(verifier.getByTestId("return-status")).toHaveText("closed");
  await expect(verifier.getByRole("region", { name: "Decision" })).toContainText("Resell");
  await verifierContext.close();
  // Reselling keeps the coffee where it was received (no stock moves) and puts it up for sale.
  expect(await shipperHolds(warehouse)).toBe(heldBefore + returnedKg);
  expect((await returnedMovements()).map((m) => m.id)).toEqual(afterIntake.map((m) => m.id));
  expect(await availableOfBatch()).toBe(before.available + returnedKg);
  expect(await unpromised()).toBe(before.unpromised + returnedKg);

  // The analytics count it under its reason.
  await page.goto("/returns/analytics");
  const card = page.getByRole("region", { name: "Returns by reason" });
  await card.getByRole("button", { name: "Table" }).click();
  const row = card.getByRole("row").filter({ hasText: "Wrong lot" });
  const cells = row.getByRole("cell");
  expect(Number(await cells.nth(1).innerText())).toBe(before.wrongLot.returns + 1);
  expect(kgToGrams(await cells.nth(2).innerText())).toBe(kgToGrams(before.wrongLot.returned_kg) + returnedKg);

  // The buyer now sees it closed, still without any action.
  await buyer.goto(`/returns/${id}`);
  await expect(buyer.getByTestId("return-status")).toHaveText("closed");
  for (const name of ["Receive", "Reject…", "Inspect", "Accept recommendation", "Decide"])
    await expect(buyer.getByRole("button", { name, exact: true })).toHaveCount(0);
  await buyer.context().close();
});
