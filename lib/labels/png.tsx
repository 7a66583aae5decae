// Labels as one PNG, two per row: drawn by next/og (satori and resvg, with the font it bundles), so
// it needs no native modules or system fonts.
import { ImageResponse } from "next/og";
import QRCode from "qrcode";
import type { Label } from "./batches";

const label = { width: 520, height: 240 };

export async function renderLabelsPng(labels: Label[]): Promise<Buffer> {
  const qrs = await Promise.all(labels.map((l) => QRCode.toDataURL(l.traceUrl, { errorCorrectionLevel: "M", margin: 2, scale: 6 })));
  const columns = Math.min(2, labels.length);
  const rows = Math.ceil(labels.length / 2);
  const image = new ImageResponse(
    (
      <div style={{ display: "flex", flexWrap: "wrap", width: columns * label.width, height: rows * label.height, background: "white" }}>
        {labels.map((l, i) => (
          <div key={l.batchCode} style={{ display: "flex", alignItems: "center", width: label.width, height: label.height, padding: 16, border: "1px dashed #bbb" }}>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={qrs[i]} width={200} height={200} alt="" />
            <div style={{ display: "flex", flexDirection: "column", marginLeft: 16, width: 270, color: "#1a1a1a" }}>
              <div style={{ fontSize: 13, color: "#555", letterSpacing: 1 }}>BATCHTRAIL · TRACE THIS BAG</div>
              <div style={{ fontSize: 28, marginTop: 8 }}>{l.batchCode}</div>
              <div style={{ fontSize: 20, marginTop: 6 }}>{l.origin}</div>
              {l.detail ? <div style={{ fontSize: 16, marginTop: 4, color: "#444" }}>{l.detail}</div> : null}
              <div style={{ fontSize: 13, marginTop: 14, color: "#555" }}>Scan to check its story on chain</div>
            </div>
          </div>
        ))}
      </div>
    ),
    { width: columns * label.width, height: rows * label.height },
  );
  return Buffer.from(await image.arrayBuffer());
}
