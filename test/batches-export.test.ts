import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { exportBatchesCsv } from "@/lib/batches/export";
import { ZBatchExportQuery } from "@/lib/batches/schemas";
import { csvField } from "@/lib/csv";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await insertBatches(
    t.db,
    Array.from({ length: 2_345 }, (_, i) =>
      makeBatch({
        originCountry: i % 2 ? "Kenya" : "Ethiopia",
        farm: i === 3 ? '=HYPERLINK("http://evil")' : `Farm, "${i}"`,
      }),
    ),
  );
});
afterAll(() => t.drop());

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("CSV export", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(42)).toBe("42");
    expect(csvField("-12.5")).toBe("-12.5");
  });

  it("defuses a formula behind leading line breaks, tabs, carriage returns, spaces or control characters", () => {
    for (const text of [
      "\n=1+2",
      "\t=1+2",
      "\r=1+2",
      "   =1+2",
      " \t+SUM(A1)",
      "\n-2+3",
      "\r\n@SUM(A1)",
      "\u0000=1",
      "\u000b=cmd|' /C calc'!A0",
      "|cmd",
      "\tplain",
    ]) {
      const field = csvField(text);
      const cell = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
      expect(cell, JSON.stringify(text)).toBe(`'${text}`);
    }
    expect(csvField(" plain")).toBe(" plain");
    expect(csvField("a=b")).toBe("a=b");
  });

  it("streams every matching row once, across pages, in the list's order", async () => {
    const csv = await read(
      exportBatchesCsv(
        t.db,
        ZBatchExportQuery.parse({ origin_country: "Kenya", sort: "batch_code", order: "asc" }),
        everything,
      ),
    );
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0].startsWith("id,chain_id,token_id,batch_code,origin_country")).toBe(true);
    expect(lines).toHaveLength(1 + 1_172);
    const codes = lines.slice(1).map((l) => l.split(",")[3]);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(1_172);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("gives the header alone when nothing matches", async () => {
    const csv = await read(exportBatchesCsv(t.db, ZBatchExportQuery.parse({ q: "nothing-like-this" }), everything));
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
