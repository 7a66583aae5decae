// One POST to a receiver: no redirects followed, at most 4 KB of the answer kept, a time limit, and
// a failure (refused, timed out, unreachable) reported rather than thrown.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export const responseLimit = 4096;

export type SendResult = { status: number | null; body: string | null; latencyMs: number; error: string | null };

export function postOnce(
  url: URL,
  headers: Record<string, string>,
  body: string,
  { timeoutMs = 10_000, lookup }: { timeoutMs?: number; lookup?: LookupFunction } = {},
): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<SendResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, latencyMs: latency() });
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          done({
            status: response.statusCode ?? null,
            body: Buffer.concat(chunks).toString("utf8").slice(0, responseLimit),
            error: null,
          });
        response.on("data", (chunk: Buffer) => {
          if (size >= responseLimit) return;
          chunks.push(chunk.subarray(0, responseLimit - size));
          size += chunk.length;
          if (size >= responseLimit) {
            finish();
            response.destroy();
          }
        });
        response.on("end", finish);
        response.on("error", finish);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => done({ status: null, body: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}
