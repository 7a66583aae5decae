// EUDR due diligence end to end: a demo batch given two plots (inserted directly, as the plots
// upload is its own feature) with their producers' declarations and legality documents; an operator
// sees negligible risk, generates the statement, downloads it (HS code, net mass, the plots' GeoJSON),
// files it with a local stand-in for the EU information system speaking its SOAP protocol, and sees
// its reference on the batch page; a buyer sees it on the public trace page.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

import { startEuDdsServer } from "@/test/helpers/eu-dds-server";

import { query } from "./db";
import { storageStateFor } from "./stack";

test.use({ storageState: storageStateFor("operator") });
// The second test files after the first: the batch's first statement is filed, its second refused.
test.describe.configure({ mode: "serial" });

type Batch = { id: string; batch_code: string; quantity_kg: string };
let batch: Batch;
let server: Awaited<ReturnType<typeof startEuDdsServer>>;
const polygon = {
  type: "Polygon",
  coordinates: [
    [
      [38.305001, 6.263001],
      [38.307001, 6.263001],
      [38.307001, 6.265001],
      [38.305001, 6.265001],
      [38.305001, 6.263001],
    ],
  ],
};
const point = { type: "Point", coordinates: [38.311742, 6.258311] };
// The local EU system knows the setting's web service user and client id (and its empty key).
const trusting = { username: "batchtrail-ws", webServiceClientId: "eudr-test" };

test.beforeAll(async () => {
  server = await startEuDdsServer(trusting);
  // A minted batch with no plots and no statement yet.
  [batch] = await query<Batch>(
    `select id, batch_code, quantity_kg::text from batches b where token_id is not null and status = 'active'
       and not exists (select 1 from batch_plots bp where bp.batch_id = b.id)
       and not exists (select 1 from statement_batches sb where sb.batch_id = b.id)
     order by id desc limit 1`,
  );
  expect(batch).toBeDefined();
  const tag = `${batch.batch_code}-${Date.now()}`;
  const plots = await query<{ id: string }>(
    `insert into plots (reference, producer_name, country, region, geometry, area_ha) values
       ($1, 'Tadesse Bekele', 'ET', 'Yirgacheffe', $3, 4.9), ($2, 'Almaz Gebre', 'ET', 'Yirgacheffe', $4, 2)
     returning id`,
    [`E2E-POLY-${tag}`, `E2E-POINT-${tag}`, JSON.stringify(polygon), JSON.stringify(point)],
  );
  for (const [i, p] of plots.entries()) {
    await query("insert into batch_plots (batch_id, plot_id, share_pct) values ($1, $2, $3)", [
      batch.id,
      p.id,
      i ? 30 : 70,
    ]);
    await query(
      `insert into plot_declarations (plot_id, land_use, is_deforestation_free, declared_on, declarant)
       values ($1, 'coffee_before_2021', true, '2026-03-01', 'Cooperative secretary')`,
      [p.id],
    );
    await query(
      `insert into plot_documents (plot_id, filename, content_type, size_bytes, storage_key)
       values ($1, 'land-title.pdf', 'application/pdf', 1000, md5(random()::text))`,
      [p.id],
    );
  }
  const setting = {
    endpoint_url: server.url,
    username: trusting.username,
    api_key: "",
    web_service_client_id: trusting.webServiceClientId,
    operator_eori: "NL123456789",
    operator_address: "Am Sandtorkai 1, 20457 Hamburg",
    operator_country: "DE",
  };
  await query(
    "insert into settings (key, value) values ('eudr_submission', $1) on conflict (key) do update set value = excluded.value",
    [JSON.stringify(setting)],
  );
});

test.afterAll(async () => {
  await query("delete from settings where key = 'eudr_submission'");
  await server.close();
});

test("an operator downloads the statement, files it, and its reference reaches the batch and trace pages", async ({
  page,
  browser,
}) => {
  await page.goto(`/batches/${batch.id}`);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Due diligence", exact: true }) });
  await expect(section.getByText("negligible risk", { exact: true })).toBeVisible();
  await expect(section.getByRole("list", { name: "Risk factors" }).getByRole("listitem")).toHaveCount(7);

  await section.getByRole("button", { name: "Generate statement" }).click();
  const statements = section.getByTestId("statements");
  await expect(statements.getByRole("row")).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    statements.getByRole("link", { name: "Download JSON" }).click(),
  ]);
  const dds = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    statement: {
      activityType: string;
      commodities: {
        hsHeading: string;
        descriptors: { goodsMeasure: { netWeight: number } };
        producers: { name: string; geometryGeojson: string }[];
      }[];
    };
  };
  const [commodity] = dds.statement.commodities;
  expect(dds.statement.activityType).toBe("IMPORT");
  expect(commodity.hsHeading).toBe("090111");
  expect(commodity.descriptors.goodsMeasure.netWeight).toBe(Number(batch.quantity_kg));
  const geometries = commodity.producers.map(
    (p) =>
      (JSON.parse(Buffer.from(p.geometryGeojson, "base64").toString("utf8")) as { features: { geometry: unknown }[] })
        .features[0].geometry,
  );
  expect(commodity.producers.map((p) => p.name).sort()).toEqual(["Almaz Gebre", "Tadesse Bekele"]);
  expect(geometries).toEqual(expect.arrayContaining([polygon, point]));

  await statements.getByRole("button", { name: "Submit to the EU system" }).click();
  await expect(statements.getByText("filed")).toBeVisible();
  expect(server.received).toHaveLength(1);
  const [{ reference_number, verification_number }] = await query<{
    reference_number: string;
    verification_number: string;
  }>(
    "select reference_number, verification_number from due_diligence_statements where batch_id = $1 and status = 'filed'",
    [batch.id],
  );
  await expect(statements.getByText(reference_number)).toBeVisible();
  await expect(statements.getByText(verification_number)).toBeVisible();

  const buyer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const trace = await buyer.newPage();
  await trace.goto(`/trace/${batch.batch_code}`);
  await expect(trace.getByTestId("trace-statements")).toContainText(reference_number);
  await expect(trace.getByTestId("trace-statements")).toContainText(verification_number);
  await buyer.close();
});

test("a refused filing shows the EU system's reason and records no number", async ({ page }) => {
  const refusing = await startEuDdsServer({ ...trusting, refuse: "operator EORI NL123456789 is not registered" });
  try {
    await query(
      "update settings set value = jsonb_set(value, '{endpoint_url}', to_jsonb($1::text)) where key = 'eudr_submission'",
      [refusing.url],
    );
    await page.goto(`/batches/${batch.id}`);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Due diligence", exact: true }) });
    await section.getByRole("button", { name: "Generate statement" }).click();
    const statements = section.getByTestId("statements");
    await expect(statements.getByRole("button", { name: "Submit to the EU system" })).toHaveCount(1);
    await statements.getByRole("button", { name: "Submit to the EU system" }).click();
    await expect(statements.getByRole("alert")).toContainText("operator EORI NL123456789 is not registered");
    const drafts = await query<{ n: string }>(
      "select count(*) as n from due_diligence_statements where batch_id = $1 and status = 'draft' and reference_number is null",
      [batch.id],
    );
    expect(drafts[0].n).toBe("1");
  } finally {
    await refusing.close();
  }
});
