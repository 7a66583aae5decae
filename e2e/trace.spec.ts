// The public trace page for a demo batch: its journey and proof badges, read as a buyer would
// (signed out), with JavaScript and without, and nothing private in its HTML.
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

import { query } from "./db";
import { storageStateFor } from "./stack";

type Demo = { id: string; batch_code: string; price_per_kg: string; owner_address: string | null };
let batch: Demo;
const signedOut = { storageState: { cookies: [], origins: [] } };
test.use(signedOut);

test.beforeAll(async () => {
  // A redeemed demo batch has the longest story: minted, verified, redeemed.
  [batch] = await query<Demo>(
    "select id, batch_code, price_per_kg::text, owner_address from batches where status = 'redeemed' order by id limit 1",
  );
  expect(batch).toBeDefined();
  // The worker anchors the log once it has caught up with the chain (and every minute here).
  await expect
    .poll(
      async () =>
        (
          await query<{ n: string }>(
            "select count(*) as n from audit_records r where r.batch_id = $1 and r.action like 'chain.%' and not exists (select 1 from audit_anchors a where a.status = 'confirmed' and r.position between a.from_position and a.to_position)",
            [batch.id],
          )
        )[0].n,
      { timeout: 90_000 },
    )
    .toBe("0");
});

test("tells a demo batch's journey with a verified proof for each step, and checks them again in the browser", async ({
  page,
}) => {
  await page.goto(`/trace/${batch.batch_code}`);
  await expect(page.getByRole("heading", { level: 1, name: batch.batch_code })).toBeVisible();
  const steps = page.getByTestId("trace-step");
  await expect(steps.first()).toHaveAttribute("data-kind", "minted");
  expect(await steps.evaluateAll((li) => li.map((l) => l.getAttribute("data-kind")))).toEqual(
    expect.arrayContaining(["minted", "verified", "redeemed"]),
  );
  const badges = page.getByTestId("proof-badge");
  await expect(badges).toHaveCount(await steps.count());
  for (const badge of await badges.all()) {
    await expect(badge).toHaveAttribute("data-status", "verified");
    await expect(badge).toContainText(/Record proven against the root anchored on chain at block \d+/);
  }
  await page.getByRole("button", { name: "Check the proofs in this browser" }).click();
  const checked = page.getByTestId("browser-check").locator("li");
  await expect(checked).toHaveCount(await steps.count());
  for (const text of await checked.allInnerTexts())
    expect(text).toMatch(/Record proven against the root anchored on chain at block \d+/);
});

test("reads the same without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ ...signedOut, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/trace/${batch.batch_code}`);
  await expect(page.getByRole("heading", { level: 1, name: batch.batch_code })).toBeVisible();
  await expect(page.getByTestId("trace-step").first()).toContainText("Minted on chain");
  await expect(page.getByTestId("proof-badge").first()).toContainText(
    /Record proven against the root anchored on chain at block \d+/,
  );
  await context.close();
});

test("puts nothing private in its HTML: no prices, people, wallets or notes", async ({ request }) => {
  const res = await request.get(`/trace/${batch.batch_code}`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain(batch.batch_code);
  const wallets = await query<{ id: string }>(
    "select distinct actor_id as id from audit_records where batch_id = $1 and actor_id like '0x%'",
    [batch.id],
  );
  const users = await query<{ email: string; name: string }>("select email, name from users");
  const forbidden = [
    batch.price_per_kg,
    batch.price_per_kg.replace(/0+$/, ""),
    "price",
    "pricePerKg",
    "@batchtrail.local",
    "actor_id",
    '"note"',
    '\\"note\\"',
    ...users.map((u) => u.name),
    ...wallets.map((w) => w.id),
  ];
  if (batch.owner_address) forbidden.push(batch.owner_address, batch.owner_address.toLowerCase());
  for (const text of forbidden) expect(html.toLowerCase(), `the page shows ${text}`).not.toContain(text.toLowerCase());
});

test("counts each view, believes no forged geo header (TRUSTED_PROXY=none), and answers 404 for a batch it does not know", async ({
  request,
}) => {
  const views = async () =>
    Number(
      (
        await query<{ n: string }>("select coalesce(sum(views), 0) as n from trace_scans where batch_id = $1", [
          batch.id,
        ])
      )[0].n,
    );
  const before = await views();
  await request.get(`/trace/${batch.batch_code}`, {
    headers: { "cf-ipcountry": "DE", "x-vercel-ip-country": "CO", "x-forwarded-for": "198.51.100.7" },
  });
  expect(await views()).toBe(before + 1);
  expect(
    (await query("select place from trace_scans where batch_id = $1 and place <> 'unknown'", [batch.id])).length,
  ).toBe(0);
  const unknown = await request.get("/trace/NO-SUCH-BATCH");
  expect(unknown.status()).toBe(404);
  // A page that says what happened and what to do, not a bare 404.
  const html = await unknown.text();
  expect(html).toContain("No batch with this code");
  expect(html).toContain("Check the code printed on the bag");
});

test("prints a label whose QR code opens this trace page", async ({ browser, baseURL }) => {
  const operator = await browser.newContext({ storageState: storageStateFor("operator"), baseURL });
  const res = await operator.request.get(`/api/labels?ids=${batch.id}&format=png`);
  expect(res.headers()["content-type"]).toBe("image/png");
  const png = PNG.sync.read(await res.body());
  // A GS1 Digital Link (e2e/digital-link.spec.ts), which the app sends on to this page.
  const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  expect(link).toMatch(new RegExp(`^${baseURL}/01/\\d{14}/10/${batch.batch_code}$`));
  const opened = await operator.request.get(link!, { maxRedirects: 0 });
  expect(opened.headers().location).toBe(`/trace/${batch.batch_code}`);
  const pdf = await operator.request.get(`/api/labels?ids=${batch.id}&format=pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await operator.request.get("/api/labels?ids=999999")).status()).toBe(404);
  await operator.close();
});

test("the batch page links to the trace page and label, and checks its audit records' proofs in the browser", async ({
  browser,
  baseURL,
}) => {
  const operator = await browser.newContext({ storageState: storageStateFor("operator"), baseURL });
  const page = await operator.newPage();
  await page.goto(`/batches/${batch.id}`);
  const audit = page.getByRole("region", { name: "Audit trail" });
  await expect(audit.getByRole("link", { name: "Public trace page" })).toHaveAttribute(
    "href",
    `/trace/${batch.batch_code}`,
  );
  await expect(audit.getByRole("link", { name: "Label (PDF)" })).toHaveAttribute(
    "href",
    `/api/labels?ids=${batch.id}&format=pdf`,
  );
  await audit.getByRole("button", { name: "Check the proofs in this browser" }).click();
  const results = audit.getByTestId("browser-check").locator("li");
  await expect(results.first()).toBeVisible();
  // Records the worker has not anchored yet say so; none may fail.
  expect(await results.evaluateAll((li) => li.map((l) => l.getAttribute("data-status")))).not.toContain("mismatch");
  await expect(audit.getByTestId("browser-check").locator('li[data-status="verified"]').first()).toContainText(
    /Record proven against the root anchored on chain at block \d+/,
  );
  await operator.close();
});
