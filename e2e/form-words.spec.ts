// Every validation message on the main forms names the field as the page labels it, next to the
// field or in the form's alert, and never by its internal name (quantity_kg, actual_quantity, …).
import { expect, test, type Locator } from "@playwright/test";

import { query } from "./db";
import { storageStateFor } from "./stack";

const internalName = /\b[a-z]+_[a-z_]+\b/;

/** The message the page ties to a field (its accessible description), which must say something. */
async function messageFor(field: Locator) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const id = await field.getAttribute("aria-describedby");
  const text = await field.page().locator(`[id="${id}"]`).innerText();
  expect(text).not.toMatch(internalName);
  return text;
}

test("Add batch: a negative quantity and an expiry before production are refused next to their fields before any wallet is asked", async ({
  page,
}) => {
  await page.goto("/batches/new");
  await page.getByLabel("Quantity (kg)").fill("-5");
  await page.getByLabel("Production date").fill("2026-05-01");
  await page.getByLabel("Expiry date").fill("2026-01-01");
  await page.getByLabel("Batch code").click();
  expect(await messageFor(page.getByLabel("Quantity (kg)"))).toBe(
    "must be a number (0 or more) with at most 3 decimals, like 12.500",
  );
  expect(await messageFor(page.getByLabel("Expiry date"))).toBe("must be after the production date");
  await page.getByLabel("Batch code").fill("");
  await page.getByLabel("Origin country").click();
  expect(await messageFor(page.getByLabel("Batch code"))).toBe("is required");
  await expect(page.locator("main")).not.toContainText(internalName);
});

test("Quality check: empty and out-of-range measurements are named next to their fields", async ({ browser }) => {
  const [batch] = await query<{ id: number }>("select id from batches where token_id is not null order by id limit 1");
  const context = await browser.newContext({ storageState: storageStateFor("verifier") });
  const page = await context.newPage();
  await page.goto(`/batches/${batch.id}`);
  const form = page.getByRole("form", { name: "Record a quality check" });
  await form.getByLabel("Cupping score").fill("120");
  await form.getByRole("button", { name: /Record quality check/ }).click();
  expect(await messageFor(form.getByLabel("Cupping score"))).toBe("must be between 0 and 100");
  expect(await messageFor(form.getByLabel("Moisture (%)"))).toBe("must be a number");
  await expect(form).not.toContainText(internalName);
  await context.close();
});
