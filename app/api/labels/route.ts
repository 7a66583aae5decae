// GET /api/labels?ids=1,2,3&format=pdf|png — printable labels with a QR code of each batch's GS1 Digital Link
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { provenance } from "@/lib/endpoints/provenance";
import { getEnv } from "@/lib/env";
import { listLabels } from "@/lib/labels/batches";
import { renderLabelsPdf } from "@/lib/labels/pdf";
import { renderLabelsPng } from "@/lib/labels/png";

export const dynamic = "force-dynamic";

/** Where QR codes point: PUBLIC_APP_URL, else AUTH_URL, else the host this request was sent to. */
function publicBaseUrl(request: Request): string {
  const env = getEnv();
  if (env.PUBLIC_APP_URL ?? env.AUTH_URL) return (env.PUBLIC_APP_URL ?? env.AUTH_URL)!;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export const GET = handle(provenance.labels, async ({ request, query: { ids, format }, scope }) => {
  const base = { baseUrl: publicBaseUrl(request), companyPrefix: getEnv().GS1_COMPANY_PREFIX };
  const labels = await listLabels(getDb(), ids, base, scope);
  const name = labels.length === 1 ? `label-${labels[0].batchCode}` : `labels-${labels.length}`;
  const body = format === "pdf" ? await renderLabelsPdf(labels) : await renderLabelsPng(labels);
  return new Response(Buffer.from(body), {
    headers: {
      "content-type": format === "pdf" ? "application/pdf" : "image/png",
      "content-disposition": `inline; filename="${name.replace(/[^\w.-]/g, "_")}.${format}"`,
      "cache-control": "private, no-store",
    },
  });
});
