// Labels as a PDF: A4 sheets of 2 × 4 labels, each with the batch code, its origin and a QR code
// to its public trace page. Helvetica (built into every PDF reader), so no font files are needed.
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import QRCode from "qrcode";
import type { Label } from "./batches";

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
  pdf.setTitle(labels.length === 1 ? `Batchtrail label ${labels[0].batchCode}` : `Batchtrail labels (${labels.length})`);
  const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
  const cellW = (a4.width - 2 * grid.margin) / grid.columns;
  const cellH = (a4.height - 2 * grid.margin) / grid.rows;
  const perPage = grid.columns * grid.rows;
  let page = pdf.addPage([a4.width, a4.height]);
  for (const [i, label] of labels.entries()) {
    if (i > 0 && i % perPage === 0) page = pdf.addPage([a4.width, a4.height]);
    const slot = i % perPage;
    const x = grid.margin + (slot % grid.columns) * cellW;
    const y = a4.height - grid.margin - (Math.floor(slot / grid.columns) + 1) * cellH;
    page.drawRectangle({ x: x + 4, y: y + 4, width: cellW - 8, height: cellH - 8, borderColor: rgb(0.75, 0.75, 0.75), borderWidth: 0.5, borderDashArray: [3, 3] });
    const qr = await pdf.embedPng(await QRCode.toBuffer(label.traceUrl, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 }));
    const size = 118;
    page.drawImage(qr, { x: x + 14, y: y + (cellH - size) / 2, width: size, height: size });
    const tx = x + 14 + size + 10;
    const width = cellW - size - 44;
    const line = (text: string, font: PDFFont, sizePt: number, dy: number, color = rgb(0.1, 0.1, 0.1)) => {
      let t = drawable(font, text);
      while (t.length > 1 && font.widthOfTextAtSize(t, sizePt) > width) t = `${t.slice(0, -2)}…`;
      page.drawText(t, { x: tx, y: y + cellH / 2 + dy, size: sizePt, font, color });
    };
    line("BATCHTRAIL · TRACE THIS BAG", bold, 7, 44, rgb(0.35, 0.35, 0.35));
    line(label.batchCode, bold, 13, 22);
    line(label.origin, regular, 10, 4);
    if (label.detail) line(label.detail, regular, 8.5, -12, rgb(0.3, 0.3, 0.3));
    line("Scan to check its story on chain", regular, 7, -34, rgb(0.35, 0.35, 0.35));
  }
  return pdf.save();
}
