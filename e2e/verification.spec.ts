// The verification engine from the browser: a count requested, rejected, alerted and resolved on the
// record; quality checks; bulk runs; what a viewer sees; and bad counts that change nothing.
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";

import { query } from "./db";
import { mintFreshBatch } from "./fresh-batch";
import { batchTokenAddress, giveMockWallet, rpcUrl, storageStateFor } from "./stack";

type Batch = { id: number; batch_code: string; quantity_kg: string };

/**
 * A batch minted for the test, nobody having asked to count, checked, scored or alerted on it yet.
 * The demo's batches all have a past by now (how many are untouched hung on the hour the stack started).
 */
async function freshBatch(): Promise<Batch> {
  const { id } = await mintFreshBatch("E2E-VER");
  const [batch] = await query<Batch>(
    "select id, batch_code, quantity_kg::text as quantity_kg from batches where id = $1",
    [id],
  );
  return { ...batch, id: Number(batch.id) };
}

async function pageAs(browser: Browser, role: string) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

/** Asks for a count through the API (as the operator) and returns the request's id. */
async function requestCount(request: APIRequestContext, batchId: number): Promise<number> {
  const res = await request.post(`/api/batches/${batchId}/request-verification`, { data: {} });
  expect(res.ok()).toBe(true);
  return (await res.json()).id;
}

/** A fresh batch with a count asked for, and a `role` page on the verification queue showing only it. */
async function queuedBatch(browser: Browser, request: APIRequestContext, role = "verifier") {
  const batch = await freshBatch();
  const requestId = await requestCount(request, batch.id);
  const { context, page } = await pageAs(browser, role);
  await page.goto(`/verification?batch_id=${batch.id}`);
  return { batch, requestId, context, page };
}

/** Records a count for a request through the API, as whoever `request` is signed in as. */
const recordCount = (request: APIRequestContext, requestId: number, actual_quantity: string) =>
  request.post(`/api/verification-requests/${requestId}/process`, { data: { actual_quantity } });

const region = (page: Page, name: string | RegExp) => page.getByRole("region", { name });
const auditRow = (scope: Page | Locator, action: string) =>
  scope.locator(`[data-testid="audit-record"][data-action="${action}"]`);
const discrepancyAlert = (page: Page) => page.locator('[data-testid="alert"][data-type="quantity_discrepancy"]');

test("a count far from the quantity is rejected, alerts, and is resolved with a note on the record", async ({
  page,
  browser,
}) => {
  const batch = await freshBatch();

  // The operator asks for a count on the batch's page.
  await page.goto(`/batches/${batch.id}`);
  await expect(page.getByTestId("live-state")).toHaveText("Live");
  const verification = region(page, "Verification");
  await verification.getByRole("button", { name: "Request verification" }).click();
  await expect(verification.getByTestId("verification-request")).toHaveAttribute("data-status", "pending");

  // A verifier processes it from the queue with half the quantity.
  const verifier = await pageAs(browser, "verifier");
  await verifier.page.goto(`/verification?status=pending&batch_id=${batch.id}`);
  const row = verifier.page.getByTestId("request-row").filter({ hasText: batch.batch_code });
  await row.getByRole("button", { name: "Process" }).click();
  const dialog = verifier.page.getByRole("dialog", { name: /^Process request/ });
  await dialog.getByLabel("Counted quantity (kg)").fill((Number(batch.quantity_kg) / 2).toFixed(3));
  await dialog.getByLabel("Notes").fill("Half the sacks are missing from bay 4");
  await dialog.getByRole("button", { name: "Record count" }).click();
  await expect(dialog.getByText("rejected", { exact: true })).toBeVisible();
  await expect(dialog.getByTestId("decision-reason")).toContainText("tolerance apart");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(verifier.page.getByRole("status").filter({ hasText: "No verification requests match" })).toBeVisible();
  // The queue page lists the new open alert across batches, linked to its batch.
  await expect(verifier.page.getByTestId("open-alert").filter({ hasText: batch.batch_code })).toContainText(
    /quantity discrepancy/i,
  );

  await verifier.page.goto(`/batches/${batch.id}`);
  await expect(region(verifier.page, "Verification").getByTestId("verification-request")).toHaveAttribute(
    "data-status",
    "rejected",
  );
  await expect(discrepancyAlert(verifier.page)).toHaveAttribute("data-status", "open");
  await verifier.context.close();

  // The operator's open page catches up by itself, then the operator resolves the alert.
  await expect(verification.getByTestId("verification-request")).toHaveAttribute("data-status", "rejected", {
    timeout: 15_000,
  });
  const alert = discrepancyAlert(page);
  await expect(alert).toHaveAttribute("data-status", "open");
  await expect(alert).toContainText("critical");
  const note = `Recount found the rest in bay 5 (${Date.now()})`;
  await alert.getByLabel("Resolution note").fill(note);
  await alert.getByRole("button", { name: "Resolve" }).click();
  await expect(alert).toHaveAttribute("data-status", "resolved");
  await expect(alert.getByTestId("resolution-note")).toHaveText(note);

  const audit = region(page, "Audit trail");
  await expect(auditRow(audit, "verification.requested")).toContainText("operator@batchtrail.local");
  await expect(auditRow(audit, "verification.rejected")).toContainText("Half the sacks are missing from bay 4");
  await expect(auditRow(audit, "verification.rejected")).toContainText("verifier@batchtrail.local");
  await expect(auditRow(audit, "alert.raised")).toContainText("quantity discrepancy");
  await expect(auditRow(audit, "alert.resolved")).toContainText(note);
  await expect(auditRow(audit, "alert.resolved")).toContainText("operator@batchtrail.local");
});

// The smallest valid PNG: quality-check photos are checked by their bytes, not their name.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("a verifier records a quality check with a photo and sees its grade", async ({ browser }) => {
  const batch = await freshBatch();
  const { context, page } = await pageAs(browser, "verifier");
  await page.goto(`/batches/${batch.id}`);
  const quality = region(page, "Quality");
  await expect(quality.getByText("No quality check is recorded yet.")).toBeVisible();
  await quality.getByLabel("Cupping score").fill("86.5");
  await quality.getByLabel("Moisture (%)").fill("11");
  await quality.getByLabel("Primary defects").fill("0");
  await quality.getByLabel("Secondary defects").fill("2");
  await quality.getByLabel("Screen size").fill("17");
  await quality.getByLabel("Screen variance (%, optional)").fill("3");
  await quality.getByLabel("Quakers (optional)").fill("0");
  await quality
    .getByLabel("Photos (JPEG, PNG, WebP)")
    .setInputFiles({ name: "sample.png", mimeType: "image/png", buffer: png });
  await quality.getByRole("button", { name: "Record quality check" }).click();

  await expect(page.getByRole("status").filter({ hasText: /Recorded check #\d+: graded specialty\./ })).toBeVisible();
  const check = quality.getByTestId("quality-check").first();
  await expect(check).toHaveAttribute("data-grade", "specialty");
  await expect(check).toContainText("Specialty grade: meets every specialty requirement.");
  const link = check.getByRole("link", { name: "photo: sample.png" });
  const file = await page.request.get((await link.getAttribute("href"))!);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await file.body()).equals(png)).toBe(true);

  // Out-of-range measurements are refused next to the field, and nothing is sent.
  await quality.getByLabel("Cupping score").fill("120");
  await quality.getByLabel("Moisture (%)").fill("11");
  await quality.getByLabel("Primary defects").fill("0");
  await quality.getByLabel("Secondary defects").fill("0");
  await quality.getByLabel("Screen size").fill("17");
  await quality.getByRole("button", { name: "Record quality check" }).click();
  await expect(quality.getByText("must be between 0 and 100")).toBeVisible();
  expect(await query("select 1 from quality_checks where batch_id = $1", [batch.id])).toHaveLength(1);
  await context.close();
});

test("bulk fraud detection runs over the selected batches with progress and a result per batch", async ({
  browser,
  request,
}) => {
  const { batch, context, page } = await queuedBatch(browser, request);
  await page.getByRole("checkbox", { name: "Select every batch on this page" }).check();
  await expect(page.getByRole("checkbox", { name: `Select ${batch.batch_code}` })).toBeChecked();
  await page.getByRole("button", { name: "Detect fraud for selected" }).click();
  await expect(page.getByTestId("bulk-progress")).toHaveText("1 of 1");
  await expect(page.getByTestId("bulk-result").filter({ hasText: batch.batch_code })).toContainText(
    /Fraud risk \d+\/100/,
  );
  expect(await query("select 1 from fraud_assessments where batch_id = $1", [batch.id])).toHaveLength(1);

  // A bulk full verification asks first; nothing runs until confirmed.
  await page.getByRole("button", { name: "Run full verification for selected" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm the full verification" });
  await expect(confirm).toContainText("Run a full verification of 1 batch?");
  expect(
    await query(
      "select 1 from audit_records where batch_id = $1 and action like 'verification.%' and action <> 'verification.requested'",
      [batch.id],
    ),
  ).toHaveLength(0);
  await confirm.getByRole("button", { name: "Verify 1 batch" }).click();
  await expect(page.getByRole("progressbar", { name: "Verification progress" })).toBeVisible();
  // No quality check is not a failure, and the pending count is not overridden.
  const result = page.getByTestId("bulk-result").filter({ hasText: batch.batch_code });
  await expect(result).toContainText("Incomplete: no quality check yet");
  await expect(result).toContainText("A count is pending");
  expect(await query("select verification_status from batches where id = $1", [batch.id])).toEqual([
    { verification_status: "pending" },
  ]);
  await context.close();
});

test("a viewer sees every section and the queue, but no action", async ({ browser, request }) => {
  const batch = await freshBatch();
  // An open alert and a pending request, set up through the API.
  const first = await requestCount(request, batch.id);
  const verifier = await pageAs(browser, "verifier");
  expect((await recordCount(verifier.context.request, first, "1")).ok()).toBe(true);
  await verifier.context.close();
  await requestCount(request, batch.id);

  const { context, page } = await pageAs(browser, "viewer");
  await page.goto(`/batches/${batch.id}`);
  for (const name of [
    "Batch",
    "On chain",
    "Verification",
    "Quality",
    "Fraud risk",
    /^Alerts/,
    "Audit trail",
    "Transactions",
  ])
    await expect(region(page, name)).toBeVisible();
  await expect(discrepancyAlert(page)).toHaveAttribute("data-status", "open");
  await expect(region(page, "Transactions").getByTestId("batch-event").first()).toBeVisible();
  await expect(
    page.getByRole("button", {
      name: /Request verification|Run full verification|Detect fraud|Resolve|Record quality check|Mark verified/,
    }),
  ).toHaveCount(0);
  await expect(page.getByLabel("Resolution note")).toHaveCount(0);

  await page.goto(`/verification?batch_id=${batch.id}`);
  await expect(page.getByTestId("request-row")).toHaveCount(2);
  await expect(page.getByRole("button", { name: /Process|Detect fraud|Run full verification/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await context.close();
});

test("a bad count in the process dialog shows the API's message and changes nothing; a count already taken says so", async ({
  browser,
  request,
}) => {
  const { batch, requestId: id, context, page } = await queuedBatch(browser, request);
  const audit = () => query("select position from audit_records where batch_id = $1", [batch.id]);
  const before = (await audit()).length;

  await page.getByTestId("request-row").getByRole("button", { name: "Process" }).click();
  const dialog = page.getByRole("dialog");
  for (const [bad, says] of [
    ["-5", "must be a number (0 or more) with at most 3 decimals"],
    ["about forty", "must be a number (0 or more) with at most 3 decimals"],
    ["", "is required"],
  ]) {
    await dialog.getByLabel("Counted quantity (kg)").fill(bad);
    await dialog.getByRole("button", { name: "Record count" }).click();
    await expect(dialog.getByRole("alert")).toContainText(`Counted quantity (kg): ${says}`);
    await expect(dialog.getByRole("alert")).not.toContainText("actual_quantity");
  }
  const [row] = await query<{ status: string; processed_at: Date | null }>(
    "select status, processed_at from verification_requests where id = $1",
    [id],
  );
  expect(row).toEqual({ status: "pending", processed_at: null });
  expect((await audit()).length).toBe(before);
  const [{ verification_status }] = await query<{ verification_status: string }>(
    "select verification_status from batches where id = $1",
    [batch.id],
  );
  expect(verification_status).toBe("pending");

  // Someone else records the count while the dialog is open.
  expect((await recordCount(context.request, id, batch.quantity_kg)).ok()).toBe(true);
  await dialog.getByLabel("Counted quantity (kg)").fill(batch.quantity_kg);
  await dialog.getByRole("button", { name: "Record count" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already processed by someone else");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("request-row")).toHaveAttribute("data-status", "approved");
  await context.close();
});

test("the process dialog is modal: focus stays inside it, and Escape closes it without recording anything", async ({
  browser,
  request,
}) => {
  const { context, page } = await queuedBatch(browser, request);
  await page.getByTestId("request-row").getByRole("button", { name: "Process" }).click();
  const dialog = page.getByRole("dialog", { name: /^Process request/ });
  await expect(dialog).toBeVisible();
  for (let tab = 0; tab < 6; tab++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus after Tab ${tab + 1}`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("request-row")).toHaveAttribute("data-status", "pending");
  await context.close();
});

test("a batch verified off chain is marked verified on chain by a wallet with the verifier role", async ({
  browser,
}) => {
  const batch = await freshBatch();
  const setup = await pageAs(browser, "verifier");
  const check = { cupping_score: 85, moisture_pct: 11, primary_defects: 0, secondary_defects: 1, screen_size: 17 };
  expect((await setup.context.request.post(`/api/batches/${batch.id}/quality-check`, { data: check })).ok()).toBe(true);
  const verified = await (await setup.context.request.post(`/api/batches/${batch.id}/verify`)).json();
  expect(verified.passed, JSON.stringify(verified.checks)).toBe(true);
  await setup.context.close();

  const openWith = async (account: `0x${string}`) => {
    const { context, page } = await pageAs(browser, "verifier");
    await giveMockWallet(context, account);
    await page.goto(`/batches/${batch.id}`);
    const verification = region(page, "Verification");
    await verification.getByRole("button", { name: /^Connect / }).click();
    await expect(verification.getByText("Connected:")).toBeVisible();
    return { context, verification };
  };

  // A wallet without the role is told so, and cannot press the button.
  const stranger = await openWith(devAccount(5).address);
  await expect(
    stranger.verification.getByRole("alert").filter({ hasText: "does not have the verifier role" }),
  ).toBeVisible();
  await expect(stranger.verification.getByRole("button", { name: "Mark verified on chain" })).toBeDisabled();
  await stranger.context.close();

  const admin = await openWith(devAccount(0).address);
  await admin.verification.getByRole("button", { name: "Mark verified on chain" }).click();
  await expect(admin.verification.getByTestId("verification-status")).toContainText("On chain: verified", {
    timeout: 20_000,
  });
  const [{ token_id }] = await query<{ token_id: string }>("select token_id::text from batches where id = $1", [
    batch.id,
  ]);
  const onchain = await createChainClient(rpcUrl, 31337).readContract({
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    functionName: "getBatch",
    args: [BigInt(token_id)],
  });
  expect(onchain.verified).toBe(true);
  await admin.context.close();
});

test("the queue filters by batch code, and an open alert it lists is resolved right there", async ({
  browser,
  request,
}) => {
  const batch = await freshBatch();
  await requestCount(request, batch.id);
  const { context, page } = await pageAs(browser, "operator");
  await page.goto("/verification");
  await page.getByLabel("Batch code").fill(batch.batch_code.toLowerCase());
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/batch_code=/);
  await expect(page.getByTestId("request-row")).toHaveCount(1);
  await expect(page.getByTestId("request-row")).toContainText(batch.batch_code);

  const [alert] = await query<{ id: number }>(
    "insert into batch_alerts (batch_id, type, severity, source, message) values ($1, 'quantity_discrepancy', 'critical', 'e2e-queue', 'Counted 3 kg less') returning id",
    [batch.id],
  );
  await page.reload();
  const listed = page.getByTestId("open-alert").filter({ hasText: "Counted 3 kg less" });
  await listed.getByText("Resolve this alert").click();
  await listed.getByLabel("Resolution note").fill("Recounted: scale was off");
  await listed.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("open-alert").filter({ hasText: "Counted 3 kg less" })).toHaveCount(0);
  expect(await query("select status from batch_alerts where id = $1", [alert.id])).toEqual([{ status: "resolved" }]);
  await context.close();
});

test("seed 000's inputs: a count as a JSON number or a query parameter, and an empty resolve-alert body resolving every open alert", async ({
  browser,
  request,
}) => {
  const batch = await freshBatch();
  const { context } = await pageAs(browser, "verifier");
  const process = (id: number, query: string, data?: object) =>
    context.request.post(`/api/verification-requests/${id}/process${query}`, data ? { data } : {});

  // A number with more decimals than a gram is refused, as its string would be, and changes nothing.
  const first = await requestCount(request, batch.id);
  const refused = await process(first, "", { actual_quantity: 1.2345 });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toMatch(/^actual_quantity: must be a number .* at most 3 decimals/);
  expect(await query("select status from verification_requests where id = $1", [first])).toEqual([
    { status: "pending" },
  ]);

  // The exact quantity as a JSON number: its shortest decimal form is the count, and it agrees.
  const approved = await process(first, "", { actual_quantity: Number(batch.quantity_kg) });
  expect(approved.status()).toBe(200);
  expect(await approved.json()).toMatchObject({ status: "approved", actual_quantity_kg: batch.quantity_kg });

  // As a query parameter with no body: 1 kg, far from the chain's quantity, is rejected with an alert.
  const second = await requestCount(request, batch.id);
  const rejected = await process(second, "?actual_quantity=1");
  expect(rejected.status()).toBe(200);
  expect(await rejected.json()).toMatchObject({ status: "rejected", actual_quantity_kg: "1.000" });
  await query(
    "insert into batch_alerts (batch_id, type, severity, source, message) values ($1, 'sync_error', 'low', 'e2e-seed', 'A second open alert')",
    [batch.id],
  );
  const open = await query<{ id: number }>(
    "select id from batch_alerts where batch_id = $1 and status = 'open' order by id",
    [batch.id],
  );
  expect(open.length).toBe(2);

  // An empty body resolves every open alert of the batch, each with the default note, audited.
  const resolved = await request.post(`/api/batches/${batch.id}/resolve-alert`);
  expect(resolved.status()).toBe(200);
  const { data } = await resolved.json();
  expect(data.map((a: { id: number }) => a.id)).toEqual(open.map((a) => Number(a.id)));
  const note = "Resolved with every open alert of the batch; no note was given.";
  expect(
    data.every(
      (a: { status: string; resolution_note: string }) => a.status === "resolved" && a.resolution_note === note,
    ),
  ).toBe(true);
  expect(
    await query("select count(*)::int as n from batch_alerts where batch_id = $1 and status = 'open'", [batch.id]),
  ).toEqual([{ n: 0 }]);
  expect(
    await query(
      "select count(*)::int as n from audit_records where batch_id = $1 and action = 'alert.resolved' and note = $2",
      [batch.id, note],
    ),
  ).toEqual([{ n: 2 }]);
  // `{}` is the same request: nothing is open now, so nothing is resolved.
  expect(await (await request.post(`/api/batches/${batch.id}/resolve-alert`, { data: {} })).json()).toEqual({
    data: [],
  });
  await context.close();
});
