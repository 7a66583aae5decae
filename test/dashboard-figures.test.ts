// What the dashboard and the inventory say about quantities and verification: redeemed and
// expired kilograms are never shown as present, each "verified" figure says what it counts, and
// "and N more" under a breakdown counts the values it hides.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";

import { Breakdown } from "@/components/dashboard/breakdown";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { Quantity } from "@/components/inventory/quantity";
import { toMetrics } from "@/lib/dashboard/metrics";

const c = (n: number, kg: string, usd = "0") => ({ n, kg, usd });
const counts = {
  all: { all: c(10, "10000.000", "50000") },
  status: {
    active: c(4, "4000.000", "20000"),
    verified: c(2, "2000.000", "10000"),
    redeemed: c(3, "3000.000", "15000"),
    expired: c(1, "1000.000", "5000"),
  },
  verification_status: { verified: c(5, "5000.000"), unverified: c(5, "5000.000") },
  in_stock: { all: c(6, "6000.000", "30000") },
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

it("the Batches card does not add redeemed and expired kilograms to what is present", () => {
  const html = text(renderToStaticMarkup(createElement(KpiCards, { m: toMetrics(counts, "2026-11-29", new Date()) })));
  expect(html).not.toContain("10,000 kg");
  expect(html).toContain("6,000 kg");
  expect(html).toMatch(/3 redeemed and 1 expired are no longer in stock/);
});

it("the two verified figures each say what they count", () => {
  const html = text(renderToStaticMarkup(createElement(KpiCards, { m: toMetrics(counts, "2026-11-29", new Date()) })));
  expect(html).toMatch(
    /Passed verification 5 batches whose latest count or full verification passed \(off chain; 2 are verified on chain\)/,
  );
});

it("and N more under a breakdown counts the values it hides, not their batches", () => {
  const rows = Array.from({ length: 11 }, (_, i) => ({
    value: `Origin ${i}`,
    batches: 10,
    quantity_kg: "0",
    value_usd: "0",
  }));
  const html = text(
    renderToStaticMarkup(createElement(Breakdown, { title: "By origin", rows, testId: "by-origin", limit: 8 })),
  );
  expect(html).toContain("and 3 more (30 batches)");
});

it("the inventory shows a redeemed or expired batch's kilograms struck through with why, not as stock", () => {
  const cell = (status: string) => renderToStaticMarkup(createElement(Quantity, { kg: "1250.000", status }));
  expect(cell("active")).toBe("1,250.000");
  expect(text(cell("redeemed")).trim()).toBe("1,250.000 redeemed");
  expect(cell("expired")).toContain("<s>1,250.000</s> expired");
});
