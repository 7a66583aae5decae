// GS1 Digital Link: GTIN check digits, every demo batch's link round-tripped through digital-link.js,
// and links resolved against the database to the batch they name (and to nothing otherwise).
import { DigitalLink } from "digital-link.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { digitalLinkFor, lotFor, readDigitalLink, readLot } from "@/lib/gs1/digital-link";
import { checkDigit, companyGln, gtinFor, isValidGtin } from "@/lib/gs1/gtin";
import { findBatchCodeByLink } from "@/lib/gs1/resolve";
import { demoBatches, origins } from "@/scripts/lib/demo-batches";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

const prefix = "0614141";
const base = "https://batchtrail.example.com";

describe("GTIN check digits", () => {
  it("computes GS1's mod-10 check digit for published keys", () => {
    // Published keys: GS1's example GTIN 09506000134352, the EAN-13 4006381333931, a GTIN-14 from GS1's check digit calculator.
    expect(checkDigit("0950600013435")).toBe("2");
    expect(checkDigit("400638133393")).toBe("1");
    expect(checkDigit("0001234560001")).toBe("2");
    expect(isValidGtin("09506000134352")).toBe(true);
    expect(isValidGtin("09506000134353")).toBe(false);
    expect(isValidGtin("0950600013435")).toBe(false);
    expect(() => checkDigit("12a")).toThrow(/digits/);
  });

  it("builds a GTIN-14 per origin from the company prefix and the country's ISO number, accepted by the library", () => {
    expect(gtinFor(prefix, "Ethiopia")).toBe("00614141002313");
    expect(gtinFor(prefix, "Colombia")).toBe(`0061414100170${checkDigit("0061414100170")}`);
    expect(gtinFor("123456789", "Kenya")).toBe(`0123456789404${checkDigit("0123456789404")}`);
    // A country not in the list: item reference 0.
    expect(gtinFor(prefix, "Atlantis")).toBe(`0061414100000${checkDigit("0061414100000")}`);
    expect(companyGln(prefix)).toBe("0614141000005");
    for (const o of origins) {
      const gtin = gtinFor(prefix, o.country);
      expect(isValidGtin(gtin), o.country).toBe(true);
      expect(DigitalLink({ domain: base, identifier: { "01": gtin } }).isValid(), o.country).toBe(true);
    }
    expect(() => gtinFor("12345", "Kenya")).toThrow(/company prefix/);
  });
});

describe("Digital Link URIs", () => {
  it("round-trips every demo batch's link through the library: same GTIN and lot", () => {
    const batches = demoBatches(400, new Date());
    batches.forEach((b, i) => {
      const code = b.metadata.batch_code;
      // Every demo batch code fits a lot (AI 10: up to 20 characters of set 82) as it is.
      expect(code.length, code).toBeLessThanOrEqual(20);
      const lot = lotFor({ id: i + 1, batchCode: code });
      expect(lot).toBe(code);
      const gtin = gtinFor(prefix, b.metadata.origin_country);
      const uri = digitalLinkFor(base, gtin, lot);
      expect(uri).toBe(`${base}/01/${gtin}/10/${code}`);
      expect(readDigitalLink(uri)).toEqual({ gtin, lot });
      expect(DigitalLink(uri).isValid()).toBe(true);
    });
  });

  it("writes a code longer than a lot as the batch id, which never looks like a code", () => {
    const long = "ETH-SIDAMA-BENSA-2026-000123";
    expect(lotFor({ id: 42, batchCode: long })).toBe("id.42");
    expect(readLot("id.42")).toEqual({ batchId: 42 });
    expect(readLot("ETH-SID-0001")).toEqual({ batchCode: "ETH-SID-0001" });
    expect(readLot("id.0")).toEqual({ batchCode: "id.0" });
    const uri = digitalLinkFor(`${base}/`, gtinFor(prefix, "Ethiopia"), "id.42");
    expect(readDigitalLink(uri)).toEqual({ gtin: "00614141002313", lot: "id.42" });
  });

  it("reads the GTIN and lot past further qualifiers and query attributes; refuses what is not a link", () => {
    const gtin = gtinFor(prefix, "Kenya");
    expect(readDigitalLink(`${base}/01/${gtin}/10/KEN-NYE-2025-0003/21/7?linkType=gs1:traceability`)).toEqual({
      gtin,
      lot: "KEN-NYE-2025-0003",
    });
    expect(readDigitalLink(`${base}/01/${gtin.slice(0, 13)}9/10/KEN-1`)).toBeNull();
    expect(readDigitalLink(`${base}/01/${gtin}`)).toBeNull();
    expect(readDigitalLink(`${base}/trace/KEN-1`)).toBeNull();
    expect(readDigitalLink("not a uri")).toBeNull();
    expect(() => digitalLinkFor(base, "00614141002314", "A")).toThrow(/Not a valid GS1 Digital Link/);
  });
});

describe("resolving a link to its batch", () => {
  let t: TestDb;
  let ids: { short: number; long: number };
  beforeAll(async () => {
    t = await createTestDb();
    const [short, long] = await insertBatches(t.db, [
      makeBatch({ batchCode: "ETH-YIR-2026-0001", originCountry: "Ethiopia" }),
      makeBatch({ batchCode: "COL-HUILA-LA-ESPERANZA-2026-01", originCountry: "Colombia" }),
    ]);
    ids = { short: short.id, long: long.id };
  });
  afterAll(() => t.drop());

  const resolve = (gtin: string, lot: string) => findBatchCodeByLink(t.db, { gtin, lot, companyPrefix: prefix });

  it("finds the batch by its code, or by id when the code is too long for a lot", async () => {
    const eth = gtinFor(prefix, "Ethiopia");
    const col = gtinFor(prefix, "Colombia");
    expect(await resolve(eth, "ETH-YIR-2026-0001")).toBe("ETH-YIR-2026-0001");
    expect(await resolve(col, `id.${ids.long}`)).toBe("COL-HUILA-LA-ESPERANZA-2026-01");
    // The parsed URI of each, as a scanner would read it, resolves the same.
    const link = readDigitalLink(
      digitalLinkFor(base, col, lotFor({ id: ids.long, batchCode: "COL-HUILA-LA-ESPERANZA-2026-01" })),
    )!;
    expect(await resolve(link.gtin, link.lot)).toBe("COL-HUILA-LA-ESPERANZA-2026-01");
  });

  it("names nothing for an unknown lot, another origin's GTIN, or a short code's batch asked by id", async () => {
    const eth = gtinFor(prefix, "Ethiopia");
    expect(await resolve(eth, "ETH-NOPE-0001")).toBeNull();
    expect(await resolve(gtinFor(prefix, "Kenya"), "ETH-YIR-2026-0001")).toBeNull();
    expect(await resolve(eth, `id.${ids.short}`)).toBeNull();
    expect(await resolve(eth, "id.999999")).toBeNull();
    expect(
      await findBatchCodeByLink(t.db, {
        gtin: gtinFor("123456789", "Ethiopia"),
        lot: "ETH-YIR-2026-0001",
        companyPrefix: prefix,
      }),
    ).toBeNull();
  });
});
