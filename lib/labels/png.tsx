// Labels as one PNG, two per row: drawn by next/og (satori and resvg, with the font it bundles), so
// it needs no native modules or system fonts. Each label is 900 × 420 px (76 × 36 mm at 300 dpi);
// the code and origin never wrap (a code broken at a hyphen reads as two codes) and shrink to fit.
import { ImageResponse } from "next/og";
import QRCode from "qrcode";

import type { Label } from "./batches";

export const pngLabel = { width: 900, height: 420, padding: 24, qr: 250 };
const codeWidth = pngLabel.width - 2 * pngLabel.padding;
const columnWidth = pngLabel.width - 2 * pngLabel.padding - pngLabel.qr - 24;

/** The largest size up to `max` at which `text` fits `width`, from a generous per-character width. */
const fit = (text: string, width: number, max: number, emPerChar: number) =>
  Math.min(max, Math.floor(width / (text.length * emPerChar)));

/** Font sizes (px) of a label's code and origin, each on one line within the label. */
export function pngSizes(l: Pick<Label, "batchCode" | "origin">) {
  return { code: fit(l.batchCode, codeWidth, 60, 0.72), origin: fit(l.origin, columnWidth, 36, 0.62) };
}

export const oneLine = { display: "flex", whiteSpace: "nowrap", lineHeight: 1.2 } as const;

export async function renderLabelsPng(labels: Label[]): Promise<Buffer> {
  const qrs = await Promise.all(
    labels.map((l) => QRCode.toDataURL(l.traceUrl, { errorCorrectionLevel: "M", margin: 2, scale: 8 })),
  );
  const columns = Math.min(2, labels.length);
  const rows = Math.ceil(labels.length / 2);
  const image = new ImageResponse(
    <div
      style={{
        display: "flex",
        flexWrap: "wrap",
        width: columns * pngLabel.width,
        height: rows * pngLabel.height,
        background: "white",
      }}
    >
      {labels.map((l, i) => {
        const size = pngSizes(l);
        return (
          <div
            key={l.batchCode}
            style={{
              display: "flex",
              flexDirection: "column",
              width: pngLabel.width,
              height: pngLabel.height,
              padding: pngLabel.padding,
              border: "1px dashed #bbb",
              color: "#1a1a1a",
            }}
          >
            <div style={{ ...oneLine, fontSize: 18, color: "#555", letterSpacing: 1 }}>BATCHTRAIL · TRACE THIS BAG</div>
            <div style={{ ...oneLine, fontSize: size.code, height: 72, alignItems: "center" }}>{l.batchCode}</div>
            <div style={{ display: "flex", alignItems: "center", marginTop: 4 }}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={qrs[i]} width={pngLabel.qr} height={pngLabel.qr} alt="" />
              <div style={{ display: "flex", flexDirection: "column", marginLeft: 24, width: columnWidth }}>
                <div style={{ ...oneLine, fontSize: size.origin, height: 48, alignItems: "center" }}>{l.origin}</div>
                {l.detail ? (
                  <div style={{ display: "flex", fontSize: 24, marginTop: 8, color: "#444" }}>{l.detail}</div>
                ) : null}
                <div style={{ display: "flex", fontSize: 18, marginTop: 18, color: "#555" }}>
                  Scan to check its story on chain
                </div>
              </div>
            </div>
          </div>
        );
      })}
    </div>,
    { width: columns * pngLabel.width, height: rows * pngLabel.height },
  );
  return Buffer.from(await image.arrayBuffer());
}
