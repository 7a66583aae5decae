// A real HTTP receiver on 127.0.0.1 for webhook tests: records each request's headers and body and
// answers the status `statusFor(n)` gives the nth request (1-based; 200 by default).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: Record<string, string>; body: string };

export async function startReceiver({ statusFor = () => 200 }: { statusFor?: (n: number) => number } = {}) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const status = statusFor(received.length);
      response.writeHead(status, { "content-type": "text/plain" }).end(`answer ${received.length}: ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
