// Labels: a PDF of A4 sheets and a PNG, generated here, with every QR code decoded back to its
// batch's GS1 Digital Link.
import jsQR from "jsqr";
import { ImageResponse } from "next/og";
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream, StandardFonts, type PDFNumber } from "pdf-lib";
import { PNG } from "pngjs";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { listLabels } from "@/lib/labels/batches";
import { renderLabelsPdf } from "@/lib/labels/pdf";
import { oneLine, pngLabel, pngSizes, renderLabelsPng } from "@/lib/labels/png";
import { ZLabelQuery } from "@/lib/labels/schemas";
import { demoBatches, origins } from "@/scripts/lib/demo-batches";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
let ids: number[];
const base = "https://trace.example.com";
const prefix = "0614141";
const at = { baseUrl: base, companyPrefix: prefix };
/** Ethiopia's GTIN under the documentation prefix: 0 0614141 00231 and its check digit. */
const ethiopia = "00614141002313";

beforeAll(async () => {
  t = await createTestDb();
  const rows = await insertBatches(t.db, [
    makeBatch({
      batchCode: "ETH-SID-0001",
      originCountry: "Ethiopia",
      region: "Sidama",
      variety: "Heirloom",
      process: "washed",
    }),
    ...Array.from({ length: 8 }, (_, i) =>
      makeBatch({ originCountry: "Colombia", region: i % 2 ? "Nariño" : "Đắk Lắk" }),
    ),
  ]);
  ids = rows.map((r) => r.id);
});
afterAll(() => t.drop());

/** Every image in the PDF, as RGBA pixels jsQR can read. */
async function imagesIn(pdfBytes: Uint8Array) {
  const pdf = await PDFDocument.load(pdfBytes);
  const images: { width: number; height: number; data: Uint8ClampedArray }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (
      !(object instanceof PDFRawStream) ||
      object.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image") ||
      object.dict.has(PDFName.of("ImageMask"))
    )
      continue;
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
  it("puts each batch's code, origin and a QR code of its Digital Link on an A4 PDF, 8 to a sheet", async () => {
    const labels = await listLabels(t.db, ids, at, everything);
    expect(labels[0]).toEqual({
      batchCode: "ETH-SID-0001",
      origin: "Sidama, Ethiopia",
      detail: "Heirloom · washed",
      traceUrl: `${base}/01/${ethiopia}/10/ETH-SID-0001`,
    });
    const bytes = await renderLabelsPdf(labels);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    const decoded = (await imagesIn(bytes)).map((img) => jsQR(img.data, img.width, img.height)?.data).filter(Boolean);
    expect(decoded.sort()).toEqual(labels.map((l) => l.traceUrl).sort());
  });

  it("draws the same labels as one PNG whose QR codes decode to the Digital Link", async () => {
    const [label] = await listLabels(t.db, ids.slice(0, 1), { ...at, baseUrl: `${base}/` }, everything);
    const png = PNG.sync.read(await renderLabelsPng([label]));
    expect(png.width).toBeGreaterThan(400);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(
      `${base}/01/${ethiopia}/10/ETH-SID-0001`,
    );
  });

  it("refuses bad input clearly: no ids, a bad id, repeats, too many, an unknown format or batch", async () => {
    const issue = (q: Record<string, string>) => ZLabelQuery.safeParse(q).error?.issues[0].message;
    expect(issue({})).toBeDefined();
    expect(issue({ ids: "1,x" })).toMatch(/positive integer batch ids/);
    expect(issue({ ids: "1,1" })).toMatch(/name each batch once/);
    expect(issue({ ids: Array.from({ length: 41 }, (_, i) => i + 1).join(","), format: "png" })).toMatch(
      /at most 200 batches per PDF, 40 per PNG/,
    );
    expect(issue({ ids: "1", format: "svg" })).toBeDefined();
    expect(issue({ ids: "1", extra: "x" })).toBeDefined();
    expect(ZLabelQuery.parse({ ids: "3, 1" })).toEqual({ ids: [3, 1], format: "pdf" });
    await expect(listLabels(t.db, [ids[0], 999_999], at, everything)).rejects.toMatchObject({
      code: "not_found",
      message: "No batch with id 999999.",
    });
  });
});

/** The widest batch code a fresh stack seeds (in the label's bold face) and the longest origin any demo batch can have. */
async function longestInDemoData() {
  const fonts = await PDFDocument.create();
  const [bold, regular] = await Promise.all([
    fonts.embedFont(StandardFonts.HelveticaBold),
    fonts.embedFont(StandardFonts.Helvetica),
  ]);
  const widest = (texts: string[], font: typeof bold) =>
    texts.reduce((a, b) => (font.widthOfTextAtSize(b, 10) > font.widthOfTextAtSize(a, 10) ? b : a));
  const code = widest(
    demoBatches(240, new Date()).map((b) => b.metadata.batch_code),
    bold,
  );
  const origin = widest(
    origins.flatMap((o) => o.regions.map((r) => `${r}, ${o.country}`)),
    regular,
  );
  const [region, country] = origin.split(", ");
  return { code, origin, region, country };
}

/** The PDF's text as PDF.js reads it back: each run with where it starts and how wide it is. */
async function textRuns(bytes: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  return content.items.flatMap((i) =>
    "str" in i && i.str.trim() ? [{ text: i.str, x: i.transform[4], y: i.transform[5], width: i.width }] : [],
  );
}

type Pixels = { width: number; height: number; data: Buffer };
/** The box of pixels that differ between two images of one size (or that are not white, with no second image). */
function inkBox(a: Pixels, b?: Pixels) {
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const differs = b
        ? Math.abs(a.data[i] - b.data[i]) +
            Math.abs(a.data[i + 1] - b.data[i + 1]) +
            Math.abs(a.data[i + 2] - b.data[i + 2]) >
          60
        : a.data[i] + a.data[i + 1] + a.data[i + 2] < 600;
      if (differs)
        [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** `text` drawn alone, on one line, at `size`, on a canvas wide enough for anything: the reference. */
async function drawnAlone(text: string, size: number) {
  const image = new ImageResponse(
    createElement(
      "div",
      {
        style: {
          ...oneLine,
          fontSize: size,
          color: "#1a1a1a",
          background: "white",
          width: 2400,
          height: 200,
          padding: 20,
        },
      },
      text,
    ),
    { width: 2400, height: 200 },
  );
  return inkBox(PNG.sync.read(Buffer.from(await image.arrayBuffer())));
}

describe("labels print the longest code and origin in the demo data whole", () => {
  it("on the PDF: read back from the file, each on the label, nothing cut", async () => {
    const { code, origin, region, country } = await longestInDemoData();
    const [row] = await insertBatches(t.db, [
      makeBatch({ batchCode: code, originCountry: country, region, variety: "Yellow Bourbon", process: "natural" }),
    ]);
    const [label] = await listLabels(t.db, [row.id], at, everything);
    const runs = await textRuns(await renderLabelsPdf([label]));
    // The first label's cell, less the dashed border's inset.
    const cell = { left: 28 + 4, right: 28 + (595.28 - 56) / 2 - 4 };
    const codeRuns = runs.filter((r) => code.startsWith(r.text.replace(/-$/, "")) || r.text === code);
    expect(codeRuns.map((r) => r.text).join("")).toBe(code);
    const originText = runs
      .filter((r) => r.y < codeRuns[0].y && origin.includes(r.text))
      .map((r) => r.text)
      .join(" ");
    expect(originText).toBe(origin);
    for (const r of runs) {
      expect(r.x, r.text).toBeGreaterThanOrEqual(cell.left);
      expect(r.x + r.width, r.text).toBeLessThanOrEqual(cell.right);
    }
  });

  it("on the PNG: the code and the origin each drawn on one line as wide as drawn alone, inside the label", async () => {
    const { code, origin } = await longestInDemoData();
    const label = { batchCode: code, origin, detail: "Yellow Bourbon · natural", traceUrl: `${base}/trace/${code}` };
    const full = PNG.sync.read(await renderLabelsPng([label]));
    const sizes = pngSizes(label);
    for (const [field, text, size] of [
      ["batchCode", code, sizes.code],
      ["origin", origin, sizes.origin],
    ] as const) {
      // The same label without the field, but laid out for it: what differs is the field's ink.
      const without = PNG.sync.read(await renderLabelsPng([{ ...label, [field]: "" }]).catch(() => Buffer.alloc(0)));
      const drawn = inkBox(full, without);
      const alone = await drawnAlone(text, size);
      expect(drawn.width, field).toBeGreaterThan(0);
      expect(
        Math.abs(drawn.width - alone.width),
        `${field}: ${drawn.width}px on the label, ${alone.width}px alone`,
      ).toBeLessThanOrEqual(2);
      expect(Math.abs(drawn.height - alone.height), `${field} on one line`).toBeLessThanOrEqual(2);
      expect(drawn.left + drawn.width, field).toBeLessThan(pngLabel.width - pngLabel.padding / 2);
    }
    expect(sizes.code).toBeGreaterThanOrEqual(40);
  });
});
