// The three /api/chainlink/* route handlers served over real HTTP, called as Next.js calls them
// (a Web Request in, a Response out), so the local DON's sources reach the real handlers without
// a Next.js build. The app's environment must be in process.env before the first call.
import { createServer, type Server } from "node:http";

import { POST as expiryCheck } from "@/app/api/chainlink/expiry-check/[batch_id]/route";
import { POST as qualityCheck } from "@/app/api/chainlink/quality-check/[batch_id]/route";
import { POST as verifyBatch } from "@/app/api/chainlink/verify-batch/[batch_id]/route";
import { freePort } from "@/scripts/lib/free-port";

import type { TestToken } from "./chain";
import type { TestDb } from "./db";

/** The app's environment for the routes: this test database and token, and the Chainlink secret. */
export const chainlinkEnv = (t: TestDb, chain: TestToken, secret: string) => ({
  DATABASE_URL: t.url,
  RPC_URL: chain.rpcUrl,
  CHAIN_ID: "31337",
  BATCH_TOKEN_ADDRESS: chain.address,
  AUTH_SECRET: "x".repeat(32),
  CHAINLINK_SECRET: secret,
});

const handlers = { "verify-batch": verifyBatch, "quality-check": qualityCheck, "expiry-check": expiryCheck };

export async function serveChainlinkRoutes(): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = req.url?.match(/^\/api\/chainlink\/(verify-batch|quality-check|expiry-check)\/([^/?]*)$/);
    const headers = new Headers(
      Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])),
    );
    // As a proxy in front would (TRUSTED_PROXY=1): the caller's own address appended to what it sent.
    headers.set(
      "x-forwarded-for",
      [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", "),
    );
    const response = match
      ? await handlers[match[1] as keyof typeof handlers](
          new Request(`${url}${req.url}`, {
            method: req.method,
            headers,
            body: req.method === "GET" ? undefined : Buffer.concat(chunks),
          }),
          { params: Promise.resolve({ batch_id: decodeURIComponent(match[2]) }) },
        )
      : Response.json({ error: { code: "not_found", message: "no such route", details: null } }, { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
