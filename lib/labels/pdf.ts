// Labels as a PDF: A4 sheets of 2 × 4 labels, each with the batch code, its origin and a QR code
// to its public trace page; every text is shrunk to fit and wrapped, never cut. Helvetica (built into every PDF reader), so no font files are needed.
import { PDFDocument, rgb, StandardFonts, type PDFFont } from "pdf-lib";
import QRCode from "qrcode";

import type { Label } from "./batches";
import { fitText } from "./fit";

const a4 = { width: 595.28, height: 841.89 };
const grid = { columns: 2, rows: 4, margin: 28 };

/** Text the standard font can draw: accents kept where WinAnsi has them, else dropped, else "?". */
function drawable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      for (const candidate of [ch, ch.normalize("NFD").replace(/\p{M}/gu, "")]) {
        try {
          font.encodeText(candidate);
          return candidate;
        } catch {}
      }
      return "?";
    })
    .join("");
}

export async function renderLabelsPdf(labels: Label[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(
    labels.length === 1 ? `Batchtrail label ${labels[0].batchCode}` : `Batchtrail labels (${labels.length})`,
  );
  const [regular, bold] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
  ]);
  const cellW = (a4.width - 2 * grid.margin) / grid.columns;
  const cellH = (a4.height - 2 * grid.margin) / grid.rows;
  const perPage = grid.columns * grid.rows;
  let page = pdf.addPage([a4.width, a4.height]);
  for (const [i, label] of labels.entries()) {
    if (i > 0 && i % perPage === 0) page = pdf.addPage([a4.width, a4.height]);
    const slot = i % perPage;
    const x = grid.margin + (slot % grid.columns) * cellW;
    const y = a4.height - grid.margin - (Math.floor(slot / grid.columns) + 1) * cellH;
    page.drawRectangle({
      x: x + 4,
      y: y + 4,
      width: cellW - 8,
      height: cellH - 8,
      borderColor: rgb(0.75, 0.75, 0.75),
      borderWidth: 0.5,
      borderDashArray: [3, 3],
    });
    const qr = await pdf.embedPng(
      await QRCode.toBuffer(label.traceUrl, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 }),
    );
    const pad = 14;
    let top = y + cellH - pad - 4;
    // Top to bottom; each block shrinks to fit its width, then wraps, and is never cut.
    const block = (
      text: string,
      font: PDFFont,
      fit: { max: number; min: number; maxLines: number },
      left: number,
      width: number,
      color = rgb(0.1, 0.1, 0.1),
    ) => {
      const { size, lines } = fitText(drawable(font, text), width, (t, s) => font.widthOfTextAtSize(t, s), fit);
      for (const l of lines) {
        top -= size;
        page.drawText(l, { x: left, y: top, size, font, color });
        top -= size * 0.25;
      }
    };
    block(
      "BATCHTRAIL · TRACE THIS BAG",
      bold,
      { max: 7, min: 7, maxLines: 1 },
      x + pad,
      cellW - 2 * pad,
      rgb(0.35, 0.35, 0.35),
    );
    top -= 3;
    block(label.batchCode, bold, { max: 18, min: 9, maxLines: 2 }, x + pad, cellW - 2 * pad);
    top -= 4;
    const qrSize = Math.min(104, top - y - pad - 4);
    page.drawImage(qr, { x: x + pad - 6, y: top - qrSize, width: qrSize, height: qrSize });
    const column = { left: x + pad - 6 + qrSize + 6, width: cellW - 2 * pad - qrSize };
    top -= 6;
    block(label.origin, regular, { max: 11, min: 7, maxLines: 3 }, column.left, column.width);
    if (label.detail)
      block(label.detail, regular, { max: 8.5, min: 6.5, maxLines: 2 }, column.left, column.width, rgb(0.3, 0.3, 0.3));
    top -= 4;
    block(
      "Scan to check its story on chain",
      regular,
      { max: 7, min: 6, maxLines: 2 },
      column.left,
      column.width,
      rgb(0.35, 0.35, 0.35),
    );
  }
  return pdf.save();
}
