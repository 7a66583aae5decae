// GS1 Digital Link and EPCIS from the outside: a printed label's QR code, decoded, is a Digital Link
// that opens the batch's trace page in the browser; the resolver ignores extra qualifiers and says
// "not found" for what names no batch; the batch page downloads its EPCIS 2.0 file; and every demo
// batch's EPCIS export is valid against the official EPCIS 2.0 JSON schema.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

import { epcisSchemaErrors } from "@/lib/epcis/validate";
import { readDigitalLink } from "@/lib/gs1/digital-link";
import { gtinFor } from "@/lib/gs1/gtin";

import { query } from "./db";
import { stack } from "./stack";

type Demo = { id: string; batch_code: string; origin_country: string };
let batch: Demo;
const signedOut = { storageState: { cookies: [], origins: [] } };

test.beforeAll(async () => {
  // A redeemed demo batch: minted, verified, redeemed.
  [batch] = await query<Demo>(
    "select id, batch_code, origin_country from batches where status = 'redeemed' order by id limit 1",
  );
  expect(batch).toBeDefined();
});

test("a printed label's QR code is a Digital Link that opens the batch's trace page", async ({
  page,
  browser,
  baseURL,
}) => {
  const res = await page.request.get(`/api/labels?ids=${batch.id}&format=png`);
  expect(res.headers()["content-type"]).toBe("image/png");
  const png = PNG.sync.read(await res.body());
  const uri = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  const gtin = gtinFor("0614141", batch.origin_country);
  expect(uri).toBe(`${baseURL}/01/${gtin}/10/${batch.batch_code}`);
  expect(readDigitalLink(uri!)).toEqual({ gtin, lot: batch.batch_code });
  // Scanned by a stranger's phone: no session.
  const stranger = await browser.newContext(signedOut);
  const scanned = await stranger.newPage();
  await scanned.goto(uri!);
  await expect(scanned).toHaveURL(`${baseURL}/trace/${batch.batch_code}`);
  await expect(scanned.getByRole("heading", { level: 1, name: batch.batch_code })).toBeVisible();
  await stranger.close();
});

test("resolves a Digital Link with further qualifiers and a query, refuses what names no batch, keeps old addresses", async ({
  browser,
  baseURL,
}) => {
  const stranger = await browser.newContext({ ...signedOut, baseURL });
  const gtin = gtinFor("0614141", batch.origin_country);
  const link = `/01/${gtin}/10/${batch.batch_code}`;
  for (const path of [link, `${link}/21/0042?linkType=gs1:traceability`]) {
    const res = await stranger.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toBe(`/trace/${batch.batch_code}`);
  }
  const other = gtinFor("0614141", batch.origin_country === "Kenya" ? "Brazil" : "Kenya");
  const badCheckDigit = `${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`;
  for (const path of [
    `/01/${gtin}/10/NO-SUCH-LOT`,
    `/01/${other}/10/${batch.batch_code}`,
    `/01/${badCheckDigit}/10/${batch.batch_code}`,
  ]) {
    const res = await stranger.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).toContain("No batch with this code");
  }
  expect((await stranger.request.get(`/trace/${batch.batch_code}`)).status()).toBe(200);
  await stranger.close();
});

test("the batch page downloads its history as an EPCIS 2.0 document", async ({ page }) => {
  await page.goto(`/batches/${batch.id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download EPCIS" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`batch-${batch.id}.epcis.jsonld`);
  const doc = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(epcisSchemaErrors(doc)).toEqual([]);
  const steps = (doc.epcisBody.eventList as { action: string; bizStep: string }[]).map(
    (e) => `${e.action} ${e.bizStep}`,
  );
  expect(steps[0]).toBe("ADD commissioning");
  expect(steps).toContain("DELETE decommissioning");
});

test("every demo batch's EPCIS export, and the bulk export of the demo's past year, are valid EPCIS 2.0", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const ids = await query<{ id: string }>("select id from batches order by id");
  expect(ids.length).toBeGreaterThanOrEqual(stack.demoBatches);
  for (const { id } of ids) {
    const res = await page.request.get(`/api/batches/${id}/epcis`);
    expect(res.status(), `batch ${id}`).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/ld+json; charset=utf-8");
    expect(epcisSchemaErrors(await res.json()), `batch ${id}`).toEqual([]);
  }
  // The demo's history spreads over two years of chain time: the last year holds plenty of it.
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const bulk = await page.request.get(`/api/epcis?from=${yearAgo}&to=${today}`);
  expect(bulk.status()).toBe(200);
  expect(bulk.headers()["content-disposition"]).toBe(`attachment; filename="epcis-${yearAgo}-${today}.epcis.jsonld"`);
  const doc = await bulk.json();
  expect(epcisSchemaErrors(doc)).toEqual([]);
  expect(doc.epcisBody.eventList.length).toBeGreaterThan(0);
  const bad = await page.request.get(`/api/epcis?from=${today}&to=2020-01-01`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("to: must be on or after from");
});
