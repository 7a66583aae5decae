// The Add New Batch form, filled the same way by every spec that mints from the page.
import type { Page } from "@playwright/test";

/** A washed Kenyan batch from Nyeri of `quantityKg` at `pricePerKg`, produced 2026-08-01 and expiring a year later. */
export async function fillBatchForm(page: Page, code: string, quantityKg: string, pricePerKg: string) {
  await page.getByLabel("Batch code").fill(code);
  await page.getByLabel("Origin country").fill("Kenya");
  await page.getByLabel("Region").fill("Nyeri");
  await page.getByLabel("Process").selectOption("washed");
  await page.getByLabel("Quantity (kg)").fill(quantityKg);
  await page.getByLabel("Price per kg (USD)").fill(pricePerKg);
  await page.getByLabel("Production date").fill("2026-08-01");
  await page.getByLabel("Expiry date").fill("2027-08-01");
}
