import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { ApiError } from "@/lib/api/errors";
import { everything } from "@/lib/auth/scope";
import { countBatches, listBatches } from "@/lib/batches/list";
import { sortColumns, ZBatchListQuery } from "@/lib/batches/schemas";
import type { BatchJson } from "@/lib/batches/serialize";
import { batches as batchesTable } from "@/lib/db/schema";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let inserted: Awaited<ReturnType<typeof insertBatches>>;
const grades = [null, "specialty", "premium", "exchange", "below_standard"] as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const origins = ["Ethiopia", "Kenya", "Colombia"];
const statuses = ["active", "verified", "expired", "redeemed"] as const;

beforeAll(async () => {
  t = await createTestDb();
  inserted = await insertBatches(
    t.db,
    Array.from({ length: 53 }, (_, i) =>
      makeBatch({
        originCountry: origins[i % 3],
        status: statuses[i % 4],
        process: i % 5 === 0 ? "natural" : "washed",
        warehouse: i % 2 ? "Antwerp Bonded" : "Hamburg Port",
        farm: i === 7 ? "Finca 100% Geisha_Lot" : `Farm ${i}`,
        // Repeated values and nulls, so ties and null ordering are exercised.
        quantityKg: `${(i % 6) * 100}.500`,
        cuppingScore: i % 4 === 0 ? null : `${80 + (i % 7)}.25`,
        harvestDate: i % 9 === 0 ? null : `2025-0${(i % 9) + 1}-15`,
        pricePerKg: `${5 + (i % 3)}.10`,
        qualityGrade: grades[i % 5],
        riskScore: i % 3 === 0 ? null : (i * 7) % 100,
        riskLevel:
          i % 3 === 0 ? null : (["low", "medium", "high", "critical"] as const)[Math.floor(((i * 7) % 100) / 25)],
        // From 60 days past expiry to 200 days ahead, so each window holds some.
        expiryDate: day(i * 5 - 60),
      }),
    ),
  );
});
afterAll(() => t.drop());

const list = (params: Record<string, string>) => listBatches(t.db, ZBatchListQuery.parse(params), everything);

async function walk(params: Record<string, string>): Promise<BatchJson[]> {
  const all: BatchJson[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...params, limit: "7", ...(cursor ? { cursor } : {}) });
    all.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return all;
}

describe("listBatches", () => {
  it("filters by status, origin, process and warehouse together", async () => {
    const { data } = await list({
      status: "active,verified",
      origin_country: "Kenya",
      process: "washed",
      warehouse: "Antwerp Bonded",
      limit: "100",
    });
    expect(data.length).toBeGreaterThan(0);
    for (const b of data) {
      expect(["active", "verified"]).toContain(b.status);
      expect([b.origin_country, b.process, b.warehouse]).toEqual(["Kenya", "washed", "Antwerp Bonded"]);
    }
  });

  it("searches the origin country and region too, and counts every match", async () => {
    const kenyan = inserted.filter((b) => b.originCountry === "Kenya").length;
    expect(kenyan).toBeGreaterThan(7);
    expect((await list({ q: "kenya", limit: "100" })).data.every((b) => b.origin_country === "Kenya")).toBe(true);
    expect(await countBatches(t.db, ZBatchListQuery.parse({ q: "kenya", limit: "5" }), everything)).toBe(kenyan);
    await t.db.update(batchesTable).set({ region: "Nyeri" }).where(eq(batchesTable.batchCode, inserted[1].batchCode));
    expect((await list({ q: "nyeri" })).data.map((b) => b.batch_code)).toEqual([inserted[1].batchCode]);
  });

  it("searches code, farm and cooperative case-insensitively, treating % and _ literally", async () => {
    expect((await list({ q: "tst-0000" })).data.length).toBeGreaterThan(0);
    expect((await list({ q: "100% geisha_lot" })).data.map((b) => b.farm)).toEqual(["Finca 100% Geisha_Lot"]);
    expect((await list({ q: "100%_" })).data).toEqual([]);
  });

  it.each(
    sortColumns.flatMap(
      (sort) =>
        [
          [sort, "asc"],
          [sort, "desc"],
        ] as const,
    ),
  )("pages through every row exactly once sorted by %s %s", async (sort, order) => {
    const rows = await walk({ sort, order });
    expect(rows).toHaveLength(53);
    expect(new Set(rows.map((r) => r.id)).size).toBe(53);
    const key = (r: BatchJson) => (r as Record<string, unknown>)[sort] as string | number | null;
    const compare = (a: BatchJson, b: BatchJson) => {
      const [x, y] = [key(a), key(b)];
      const byId = order === "asc" ? a.id - b.id : b.id - a.id;
      if (x === null || y === null) return x === y ? byId : x === null ? 1 : -1;
      const numeric = typeof x === "number" || /^-?\d+(\.\d+)?$/.test(String(x));
      const c = numeric ? Number(x) - Number(y) : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      return c !== 0 ? (order === "asc" ? c : -c) : byId;
    };
    expect(rows.map((r) => r.id)).toEqual([...rows].sort(compare).map((r) => r.id));
  });

  it("filters by quality grade and fraud risk, each a list", async () => {
    const { data } = await list({ quality_grade: "specialty,premium", risk_level: "high,critical", limit: "100" });
    const expected = inserted.filter(
      (b) =>
        ["specialty", "premium"].includes(b.qualityGrade ?? "") && ["high", "critical"].includes(b.riskLevel ?? ""),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(data.map((b) => b.id).sort((a, b) => a - b)).toEqual(expected.map((b) => b.id).sort((a, b) => a - b));
  });

  it.each(["30", "60", "90"] as const)("filters sellable batches by expiry window %s", async (window) => {
    const { data } = await list({ expiry_window: window, limit: "100" });
    const sellable = inserted.filter((b) => ["active", "verified", "flagged"].includes(b.status ?? "active"));
    const expected = sellable.filter((b) => b.expiryDate >= day(0) && b.expiryDate <= day(Number(window)));
    expect(expected.length).toBeGreaterThan(0);
    expect(data.map((b) => b.id).sort((a, b) => a - b)).toEqual(expected.map((b) => b.id).sort((a, b) => a - b));
  });

  it("Past expiry lists every batch past its date that is not redeemed, the ones the chain marked expired included", async () => {
    const { data } = await list({ expiry_window: "expired", limit: "100" });
    const expected = inserted.filter((b) => b.status !== "redeemed" && b.expiryDate < day(0));
    expect(expected.some((b) => b.status === "expired")).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
    expect(data.map((b) => b.id).sort((a, b) => a - b)).toEqual(expected.map((b) => b.id).sort((a, b) => a - b));
  });

  it("refuses a cursor that was tampered with or belongs to another sort", async () => {
    const { next_cursor } = await list({ sort: "batch_code", order: "asc", limit: "5" });
    await expect(list({ sort: "quantity_kg", order: "asc", cursor: next_cursor! })).rejects.toThrow(ApiError);
    await expect(list({ cursor: "bm90IGEgY3Vyc29y" })).rejects.toThrow(/not a cursor this API issued/);
  });

  it("refuses unknown filter values, unknown parameters and out-of-range limits", () => {
    for (const bad of [
      { status: "lost" },
      { quality_grade: "excellent" },
      { risk_level: "extreme" },
      { expiry_window: "45" },
      { limit: "0" },
      { limit: "101" },
      { limit: "ten" },
      { sort: "password" },
      { color: "red" },
    ]) {
      expect(() => ZBatchListQuery.parse(bad)).toThrow(ZodError);
    }
  });
});
