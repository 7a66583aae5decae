// The stock ledger end to end (issue 17): an operator moves stock between warehouses and a holder
// transfers part of a batch, each from a wallet on the batch page; both reach the batch page, the
// Movements page, the dashboard and the analytics chart by exactly their amounts. A move past a
// warehouse's capacity and a write-off below zero are refused with a clear message and change nothing.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createWalletClient, http } from "viem";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { gramsToKg, kgToGrams, usdToCents } from "@/lib/chain/units";
import type { DashboardMetrics } from "@/lib/dashboard/metrics";
import { formatDecimal } from "@/lib/format";

import { changedTables, fingerprint, query, whileWorkerQuiet } from "./db";
import { batchTokenAddress, giveMockWallet, rpcUrl, storageStateFor } from "./stack";

type Held = { id: number; token_id: string; holder: string; warehouse: string; grams: string };
const producers = [1, 2, 3, 4].map((i) => devAccount(i));
const operatorWallet = devAccount(0);
const chain = createChainClient(rpcUrl, 31337);

/** An active demo batch one producer holds, all of it at one warehouse, that no other test has touched. */
async function heldBatch(skip: number[] = []): Promise<Held> {
  const [row] = await query<Held>(
    `
    select b.id, b.token_id::text, s.holder, s.warehouse, s.balance::text as grams from batches b
    join warehouse_stock s on s.chain_id = b.chain_id and s.token_id = b.token_id
    where b.status = 'active' and b.expiry_date > current_date + 90 and s.balance > 100000 and not (b.id = any($1::bigint[]))
      and (select count(*) from warehouse_stock o where o.chain_id = b.chain_id and o.token_id = b.token_id) = 1
      and not exists (select 1 from stock_movements m where m.chain_id = b.chain_id and m.token_id = b.token_id and m.type <> 'minted')
    order by b.id limit 1`,
    [skip],
  );
  expect(row, "a demo batch held whole at one warehouse").toBeTruthy();
  return { ...row, id: Number(row.id) };
}

const metrics = async (page: Page) =>
  (await (await page.request.get("/api/dashboard/metrics")).json()) as DashboardMetrics;
const stockAt = (m: DashboardMetrics, code: string) =>
  kgToGrams(m.stock_by_warehouse.find((w) => w.warehouse === code)?.on_hand_kg ?? "0");

/** The stock-by-warehouse chart's last row, in grams per warehouse. */
async function chartEnd(page: Page): Promise<Map<string, bigint>> {
  const today = new Date().toISOString().slice(0, 10);
  const res = await page.request.get(
    `/api/analytics?chart=stock_by_warehouse&from=${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}&to=${today}`,
  );
  expect(res.status()).toBe(200);
  const [chart] = (await res.json()).charts as {
    columns: { key: string; label: string }[];
    rows: Record<string, string>[];
  }[];
  const last = chart.rows[chart.rows.length - 1];
  return new Map(chart.columns.slice(1).map((c) => [c.label.replace(/ \(kg\)$/, ""), kgToGrams(last[c.key])]));
}

async function batchPage(browser: Browser, role: string, wallet: `0x${string}`, batchId: number) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  await giveMockWallet(context, wallet);
  const page = await context.newPage();
  await page.goto(`/batches/${batchId}`);
  const stock = page.getByRole("region", { name: "Holders and stock ledger" });
  await stock.getByRole("button", { name: /^Connect / }).click();
  await expect(stock.getByText("Connected:")).toBeVisible();
  return { context, page, stock };
}

/** Reloads until the batch page's ledger shows a movement of this type (the listener indexes within seconds). */
async function awaitMovement(page: Page, type: string) {
  await expect(async () => {
    await page.reload();
    await expect(
      page
        .getByRole("region", { name: "Holders and stock ledger" })
        .locator(`[data-testid="movement"][data-type="${type}"]`),
    ).toHaveCount(1);
  }).toPass({ timeout: 30_000 });
}

/** Presses a stock form's button from the wallet: pending at first, then indexed as a movement of this type. */
async function sendAndIndex(page: Page, button: Locator, type: string) {
  await button.click();
  await expect(page.getByRole("status").filter({ hasText: /pending until the listener indexes it/ })).toBeVisible();
  await awaitMovement(page, type);
}

/** The kilograms held in the holders table's row with this attribute (`data-warehouse="…"` or `data-holder="…"`). */
const heldIn = (stock: Locator, row: string) =>
  stock.locator(`[data-testid="holders"] tr[${row}] [data-testid="held"]`);

test("an operator moves stock between two warehouses from its wallet: pending, then on the batch page, the Movements page, the dashboard and the analytics chart by exactly its amount", async ({
  browser,
}) => {
  const batch = await heldBatch();
  const to = batch.warehouse === "HAM-PRT" ? "RTM-FRP" : "HAM-PRT";
  const { context, page, stock } = await batchPage(browser, "operator", operatorWallet.address, batch.id);
  const [before, chartBefore] = [await metrics(page), await chartEnd(page)];

  const move = stock.getByRole("form", { name: "Move stock" });
  await move.getByLabel("Stock to move").selectOption(`${batch.holder}|${batch.warehouse}`);
  await move.getByLabel("To warehouse").selectOption(to);
  await move.getByLabel("Quantity (kg)").fill("12.5");
  await sendAndIndex(page, move.getByRole("button", { name: "Move" }), "moved");
  await expect(heldIn(stock, `data-warehouse="${to}"`)).toHaveText("12.500");

  const after = await metrics(page);
  expect(stockAt(before, batch.warehouse) - stockAt(after, batch.warehouse)).toBe(12_500n);
  expect(stockAt(after, to) - stockAt(before, to)).toBe(12_500n);
  expect(after.in_stock).toEqual(before.in_stock);
  const chartAfter = await chartEnd(page);
  expect((chartBefore.get(batch.warehouse) ?? 0n) - (chartAfter.get(batch.warehouse) ?? 0n)).toBe(12_500n);
  expect((chartAfter.get(to) ?? 0n) - (chartBefore.get(to) ?? 0n)).toBe(12_500n);

  await page.goto("/dashboard");
  await expect(page.getByTestId(`stock-warehouse-${to}`)).toHaveText(
    formatDecimal(after.stock_by_warehouse.find((w) => w.warehouse === to)!.on_hand_kg, 3),
  );
  await page.goto(`/movements?batch_id=${batch.id}&type=moved`);
  const rows = page.getByTestId("movement");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("12.500");
  await expect(rows.first()).toContainText(`@ ${to}`);
  // The public trace page tells the move as a step, by warehouse code.
  const [{ code }] = await query<{ code: string }>("select batch_code as code from batches where id = $1", [batch.id]);
  await page.goto(`/trace/${code}`);
  await expect(page.getByText("Moved to another warehouse")).toBeVisible();
  await expect(page.getByText(`from ${batch.warehouse} to ${to}`)).toBeVisible();
  await context.close();
});

test("a holder transfers part of a batch from its wallet; the recipient holds it, at the same warehouse, and stock on hand does not change", async ({
  browser,
}) => {
  const batch = await heldBatch();
  const holder = producers.find((p) => p.address.toLowerCase() === batch.holder)!;
  const recipient = producers.find((p) => p !== holder)!.address.toLowerCase();
  const { context, page, stock } = await batchPage(browser, "operator", holder.address, batch.id);
  const before = await metrics(page);

  const transfer = stock.getByRole("form", { name: "Transfer stock" });
  await transfer.getByLabel("To wallet").fill(recipient);
  await transfer.getByLabel("Quantity (kg)").fill("20.125");
  await sendAndIndex(page, transfer.getByRole("button", { name: "Transfer" }), "transferred");
  await expect(heldIn(stock, `data-holder="${recipient}"`)).toHaveText("20.125");
  await expect(heldIn(stock, `data-holder="${batch.holder}"`)).toHaveText(
    formatDecimal(gramsToKg(BigInt(batch.grams) - 20_125n), 3),
  );
  const balance = await chain.readContract({
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    functionName: "balanceOf",
    args: [recipient as `0x${string}`, BigInt(batch.token_id)],
  });
  expect(balance).toBe(20_125n);

  const after = await metrics(page);
  expect(after.in_stock).toEqual(before.in_stock);
  expect(stockAt(after, batch.warehouse)).toBe(stockAt(before, batch.warehouse));
  await page.goto(`/movements?holder=${recipient}&type=transferred`);
  await expect(page.getByTestId("movement").filter({ hasText: "20.125" })).toHaveCount(1);
  await context.close();
});

test("a move past a warehouse's capacity and a write-off below zero are refused with a clear message and change nothing", async ({
  browser,
}) => {
  const batch = await heldBatch();
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const created = await admin.request.post("/api/warehouses", {
    data: { code: "TINY-WH", name: "Tiny Warehouse", country: "Belgium", capacity_kg: "1" },
  });
  expect([201, 409]).toContain(created.status());
  await admin.close();
  const { context, page, stock } = await batchPage(browser, "operator", operatorWallet.address, batch.id);
  // The worker writes on its own clock (listener rounds, status, pg-boss); stopped, only these refusals could change a table.
  await whileWorkerQuiet(async () => {
    const before = await fingerprint();

    const move = stock.getByRole("form", { name: "Move stock" });
    await move.getByLabel("Stock to move").selectOption(`${batch.holder}|${batch.warehouse}`);
    await move.getByLabel("To warehouse").selectOption("TINY-WH");
    await move.getByLabel("Quantity (kg)").fill("2");
    await move.getByRole("button", { name: "Move" }).click();
    await expect(
      page.getByRole("alert").filter({
        hasText:
          "Warehouse TINY-WH (Tiny Warehouse) holds 0.000 kg of its 1.000 kg capacity; 2.000 kg more would exceed it by 1.000 kg.",
      }),
    ).toBeVisible();

    const adjust = stock.getByRole("form", { name: "Adjust stock" });
    await adjust.getByLabel("Stock to adjust").selectOption(`${batch.holder}|${batch.warehouse}`);
    const over = gramsToKg(BigInt(batch.grams) + 1_000n);
    await adjust.getByLabel("Change (kg, negative to write off)").fill(`-${over}`);
    await adjust.getByLabel("Reason").selectOption("damage");
    await adjust.getByRole("button", { name: "Adjust" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: `An adjustment of -${over} kg would leave 1.000 kg below zero` }),
    ).toBeVisible();

    expect(changedTables(before, await fingerprint()), "tables changed").toEqual([]);
  });
  const [{ n }] = await query<{ n: string }>(
    "select count(*)::text as n from stock_movements m join batches b on b.token_id = m.token_id where b.id = $1",
    [batch.id],
  );
  expect(n).toBe("1");
  await context.close();
});

test("a partial redemption lowers the dashboard's In stock kilograms and value by exactly its amount", async ({
  page,
}) => {
  const batch = await heldBatch();
  const [{ price }] = await query<{ price: string }>("select price_per_kg::text as price from batches where id = $1", [
    batch.id,
  ]);
  const holder = producers.find((p) => p.address.toLowerCase() === batch.holder)!;
  const before = await metrics(page);
  const wallet = createWalletClient({ account: holder, chain: chain.chain, transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    chain: chain.chain,
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    functionName: "redeem",
    args: [BigInt(batch.token_id), 10_000n],
  });
  expect((await chain.waitForTransactionReceipt({ hash })).status).toBe("success");
  await expect
    .poll(async () => (await metrics(page)).in_stock.quantity_kg, { timeout: 30_000 })
    .not.toBe(before.in_stock.quantity_kg);
  const after = await metrics(page);
  expect(kgToGrams(before.in_stock.quantity_kg) - kgToGrams(after.in_stock.quantity_kg)).toBe(10_000n);
  // Per batch to the cent: round(on hand × price) before less the same after.
  const cents = (grams: bigint) => (grams * usdToCents(price) + 500n) / 1000n;
  expect(usdToCents(before.in_stock.value_usd) - usdToCents(after.in_stock.value_usd)).toBe(
    cents(BigInt(batch.grams)) - cents(BigInt(batch.grams) - 10_000n),
  );
  expect(after.in_stock.batches).toBe(before.in_stock.batches);
});
