// Labels: a PDF of A4 sheets and a PNG, generated here, with every QR code decoded back to its
// batch's trace page address.
import jsQR from "jsqr";
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, type PDFNumber } from "pdf-lib";
import { PNG } from "pngjs";
import { everything } from "@/lib/auth/scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLabels } from "@/lib/labels/batches";
import { renderLabelsPdf } from "@/lib/labels/pdf";
import { renderLabelsPng } from "@/lib/labels/png";
import { ZLabelQuery } from "@/lib/labels/schemas";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let ids: number[];
const base = "https://trace.example.com";

beforeAll(async () => {
  t = await createTestDb();
  const rows = await insertBatches(t.db, [
    makeBatch({ batchCode: "ETH-SID-0001", originCountry: "Ethiopia", region: "Sidama", variety: "Heirloom", process: "washed" }),
    ...Array.from({ length: 8 }, (_, i) => makeBatch({ originCountry: "Colombia", region: i % 2 ? "Nariño" : "Đắk Lắk" })),
  ]);
  ids = rows.map((r) => r.id);
});
afterAll(() => t.drop());

/** Every image in the PDF, as RGBA pixels jsQR can read. */
async function imagesIn(pdfBytes: Uint8Array) {
  const pdf = await PDFDocument.load(pdfBytes);
  const images: { width: number; height: number; data: Uint8ClampedArray }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image") || object.dict.has(PDFName.of("ImageMask"))) continue;
    const width = (object.dict.get(PDFName.of("Width")) as PDFNumber).asNumber();
    const height = (object.dict.get(PDFName.of("Height")) as PDFNumber).asNumber();
    const pixels = decodePDFRawStream(object).decode();
    const channels = pixels.length / (width * height);
    if (channels !== 1 && channels !== 3) continue;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      for (let k = 0; k < 3; k++) data[p * 4 + k] = pixels[p * channels + (channels === 3 ? k : 0)];
      data[p * 4 + 3] = 255;
    }
    images.push({ width, height, data });
  }
  return images;
}

describe("labels", () => {
  it("puts each batch's code, origin and a QR code to its trace page on an A4 PDF, 8 to a sheet", async () => {
    const labels = await listLabels(t.db, ids, base, everything);
    expect(labels[0]).toEqual({ batchCode: "ETH-SID-0001", origin: "Sidama, Ethiopia", detail: "Heirloom · washed", traceUrl: `${base}/trace/ETH-SID-0001` });
    const bytes = await renderLabelsPdf(labels);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    const decoded = (await imagesIn(bytes)).map((img) => jsQR(img.data, img.width, img.height)?.data).filter(Boolean);
    expect(decoded.sort()).toEqual(labels.map((l) => l.traceUrl).sort());
  });

  it("draws the same labels as one PNG whose QR codes decode to the trace page", async () => {
    const [label] = await listLabels(t.db, ids.slice(0, 1), `${base}/`, everything);
    const png = PNG.sync.read(await renderLabelsPng([label]));
    expect(png.width).toBeGreaterThan(400);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`${base}/trace/ETH-SID-0001`);
  });

  it("refuses bad input clearly: no ids, a bad id, repeats, too many, an unknown format or batch", async () => {
    const issue = (q: Record<string, string>) => ZLabelQuery.safeParse(q).error?.issues[0].message;
    expect(issue({})).toBeDefined();
    expect(issue({ ids: "1,x" })).toMatch(/positive integer batch ids/);
    expect(issue({ ids: "1,1" })).toMatch(/name each batch once/);
    expect(issue({ ids: Array.from({ length: 41 }, (_, i) => i + 1).join(","), format: "png" })).toMatch(/at most 200 batches per PDF, 40 per PNG/);
    expect(issue({ ids: "1", format: "svg" })).toBeDefined();
    expect(issue({ ids: "1", extra: "x" })).toBeDefined();
    expect(ZLabelQuery.parse({ ids: "3, 1" })).toEqual({ ids: [3, 1], format: "pdf" });
    await expect(listLabels(t.db, [ids[0], 999_999], base, everything)).rejects.toMatchObject({ code: "not_found", message: "No batch with id 999999." });
  });
});
