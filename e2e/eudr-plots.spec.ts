// EUDR plots (issue 21): an operator uploads a plots file with two bad rows and reads the report
// (two refused with their reasons, the rest created), links two of the plots to a batch with shares,
// and the batch turns EUDR-ready (its badge changes, the inventory's filter finds it); its due
// diligence statement downloads with those plots; the public trace page draws them as an SVG map.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

import { query } from "./db";
import { storageStateFor } from "./stack";

test.use({ storageState: storageStateFor("operator") });
test.describe.configure({ timeout: 120_000 });

const stamp = Date.now().toString(36).toUpperCase();
const ref = (n: number) => `E2E-${stamp}-${n}`;
const polygon = JSON.stringify({
  type: "Polygon",
  coordinates: [
    [
      [-75.901001, 2.101001],
      [-75.896001, 2.101001],
      [-75.896001, 2.106001],
      [-75.901001, 2.106001],
      [-75.901001, 2.101001],
    ],
  ],
}).replaceAll('"', '""');
const csv = [
  "reference,producer_name,country,region,area_ha,latitude,longitude,geometry",
  `${ref(1)},Ana Rojas,CO,Huila,1.8,2.198765,-75.876543,`,
  `${ref(2)},Finca Monteblanco,CO,Huila,,,,"${polygon}"`,
  `${ref(3)},Luis Peña,CO,Huila,3.25,2.201234,-75.871234,`,
  `,Nobody,CO,Huila,1,2.221234,-75.851234,`,
  `${ref(5)},Off The Globe,CO,Huila,1,2.231234,-275.841234,`,
].join("\n");

test("an uploaded plot list, linked with shares, makes a batch EUDR-ready and draws its map", async ({ page }) => {
  await page.goto("/eudr");
  const upload = page.getByRole("form", { name: "Upload plots" });
  await upload.getByLabel("Plots file (GeoJSON or CSV)").setInputFiles({
    name: "plots.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await upload.getByRole("button", { name: "Upload" }).click();
  const report = page.getByTestId("upload-report");
  await expect(report.getByRole("status")).toHaveText("5 rows: 3 created, 0 updated, 0 unchanged, 2 refused.");
  const refused = report.locator('[data-outcome="refused"]');
  await expect(refused).toHaveCount(2);
  await expect(refused.nth(0)).toContainText("reference: is required.");
  await expect(refused.nth(1)).toContainText("Longitude -275.841234");
  await expect(report.locator('[data-outcome="created"]')).toHaveCount(3);

  // A minted batch with no plots yet: not EUDR-ready.
  const [batch] = await query<{ id: string; batch_code: string }>(
    "select id, batch_code from batches b where token_id is not null and not exists (select 1 from batch_plots p where p.batch_id = b.id) order by id limit 1",
  );
  await page.goto(`/inventory?q=${batch.batch_code}`);
  await expect(page.locator(`[data-batch-code="${batch.batch_code}"]`).getByTestId("not-eudr-ready")).toBeVisible();
  await page.goto(`/batches/${batch.id}`);
  const section = page.getByRole("region", { name: "Plots (EUDR)" });
  await expect(section.getByTestId("eudr-state")).toHaveText("Not EUDR-ready");

  const form = section.getByRole("form", { name: "Link plots" });
  await form.getByRole("button", { name: "Add a plot" }).click();
  await form.getByLabel("Plot 1", { exact: true }).selectOption({ label: `${ref(1)} · Ana Rojas` });
  await form.getByLabel("Share of plot 1 (%)").fill("60");
  await form.getByRole("button", { name: "Add a plot" }).click();
  await form.getByLabel("Plot 2", { exact: true }).selectOption({ label: `${ref(2)} · Finca Monteblanco` });
  await form.getByLabel("Share of plot 2 (%)").fill("40");
  await form.getByRole("button", { name: "Save plots" }).click();
  await expect(section.getByTestId("eudr-state")).toHaveText("EUDR-ready");
  await expect(section.getByTestId("batch-plot")).toHaveCount(2);
  await expect(section.getByTestId("plots-hash")).toHaveText(/^[0-9a-f]{64}$/);

  // The statement for the batch carries the uploaded plots, each producer's in its own GeoJSON.
  const diligence = page.locator("section", { has: page.getByRole("heading", { name: "Due diligence", exact: true }) });
  await diligence.getByRole("button", { name: "Generate statement" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    diligence.getByTestId("statements").getByRole("link", { name: "Download JSON" }).first().click(),
  ]);
  const dds = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    statement: { commodities: { hsHeading: string; producers: { name: string; geometryGeojson: string }[] }[] };
  };
  const [commodity] = dds.statement.commodities;
  expect(commodity.hsHeading).toBe("090111");
  const places = commodity.producers.map((p) => ({
    name: p.name,
    place: (
      JSON.parse(Buffer.from(p.geometryGeojson, "base64").toString("utf8")) as {
        features: { properties: { ProductionPlace: string } }[];
      }
    ).features[0].properties.ProductionPlace,
  }));
  expect(places.sort((a, b) => a.place.localeCompare(b.place))).toEqual([
    { name: "Ana Rojas", place: ref(1) },
    { name: "Finca Monteblanco", place: ref(2) },
  ]);

  await page.goto(`/inventory?q=${batch.batch_code}&eudr_ready=yes`);
  const row = page.locator(`[data-batch-code="${batch.batch_code}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("not-eudr-ready")).toHaveCount(0);
  await page.goto(`/inventory?q=${batch.batch_code}&eudr_ready=no`);
  await expect(page.getByText("No batches match these filters")).toBeVisible();

  await page.goto(`/trace/${batch.batch_code}`);
  const map = page.locator('svg[data-testid="plot-map"]');
  await expect(map).toBeVisible();
  await expect(map.locator('[data-testid="plot-shape"][data-kind="Point"] circle')).toHaveCount(1);
  await expect(map.locator('[data-testid="plot-shape"][data-kind="Polygon"] path')).toHaveCount(1);
  await expect(map.locator("text", { hasText: ref(2) })).toBeVisible();
  // Public: the producers' names stay off the trace page.
  await expect(page.getByText("Ana Rojas")).toHaveCount(0);
});
