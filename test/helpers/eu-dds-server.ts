// A local stand-in for the EU information system's submission endpoint, on 127.0.0.1: it takes a
// statement as lib/eudr/submit.ts sends it, checks what the real system checks first (an operator,
// an activity, commodities with an HS heading, a net mass and producers' geolocation), and answers
// a reference and verification number, or 400 with the reason. `refuse` makes it refuse everything.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Statement = {
  statement?: {
    activityType?: string;
    commodities?: {
      hsHeading?: string;
      descriptors?: { goodsMeasure?: { netWeight?: number } };
      producers?: unknown[];
    }[];
  };
};

function problemOf(body: Statement): string | null {
  const s = body.statement;
  if (!s) return "statement is missing";
  if (!["IMPORT", "EXPORT", "DOMESTIC"].includes(s.activityType ?? ""))
    return "activityType is not IMPORT, EXPORT or DOMESTIC";
  if (!s.commodities?.length) return "no commodity";
  for (const [i, c] of s.commodities.entries()) {
    if (!/^\d{4}(\d{2})?$/.test(c.hsHeading ?? "")) return `commodities[${i}].hsHeading is not an HS heading`;
    if (!(Number(c.descriptors?.goodsMeasure?.netWeight) > 0)) return `commodities[${i}] has no net weight`;
    if (!c.producers?.length) return `commodities[${i}] has no producer geolocation`;
  }
  return null;
}

export async function startEuDdsServer({ refuse = null as string | null, apiKey = "" } = {}) {
  const received: { authorization: string | undefined; body: Statement }[] = [];
  let filed = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const reply = (status: number, body: unknown) =>
        response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      let body: Statement;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Statement;
      } catch {
        return reply(400, { error: { code: "EUDR-PARSE", message: "the body is not JSON" } });
      }
      received.push({ authorization: request.headers.authorization, body });
      if (apiKey && request.headers.authorization !== `Bearer ${apiKey}`)
        return reply(401, { error: { code: "EUDR-AUTH", message: "unknown web service client" } });
      const problem = refuse ?? problemOf(body);
      if (problem) return reply(400, { error: { code: "EUDR-VALIDATION", message: problem } });
      filed++;
      reply(200, {
        ddsIdentifier: `00000000-0000-4000-8000-${String(filed).padStart(12, "0")}`,
        referenceNumber: `26NL${String(filed).padStart(8, "0")}`,
        verificationNumber: `VER${String(filed).padStart(5, "0")}`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tracesnt/eudr/dds`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
