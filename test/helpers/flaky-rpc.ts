// A JSON-RPC proxy that misbehaves like a hosted provider on a bad day, deterministically from a seed:
// HTTP 500s, hangs, 429 rate limits and eth_getLogs range refusals. Sends always pass untouched.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { seededRandom } from "@/scripts/lib/random";

export type FlakyRpcOptions = {
  upstream: string;
  seed: number;
  failRate: number;
  timeoutRate: number;
  rateLimitRate: number;
  /** eth_getLogs spanning more blocks than this is refused like Infura does. */
  maxLogRange?: number;
  hangMs?: number;
};
/** `calls` counts HTTP requests (a batch is one); the rest count injected faults. */
export type FlakyRpcStats = {
  calls: number;
  failures: number;
  timeouts: number;
  rateLimited: number;
  rangeRefusals: number;
};
export type FlakyRpc = { url: string; stats: FlakyRpcStats; stop: () => Promise<void> };

type RpcRequest = { jsonrpc: string; id: number | string | null; method: string; params?: unknown[] };
type LogFilter = { fromBlock?: string; toBlock?: string; blockHash?: string };

const faultableMethods = new Set([
  "eth_getLogs",
  "eth_getBlockByNumber",
  "eth_blockNumber",
  "eth_call",
  "eth_chainId",
  "eth_getBlockByHash",
]);

const rpcError = (r: RpcRequest, code: number, message: string) => ({
  jsonrpc: "2.0",
  id: r.id ?? null,
  error: { code, message },
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Starts the proxy on a free port of 127.0.0.1. HTTP-level faults (500, hang, 429) hit a whole request, and only
 * one made of read methods alone: one roll per such request, so a batch holding a send is never faulted. Range
 * refusals are per eth_getLogs element: in a batch, the other elements still get their upstream answers.
 */
export async function startFlakyRpc(opts: FlakyRpcOptions): Promise<FlakyRpc> {
  const random = seededRandom(opts.seed);
  const stats: FlakyRpcStats = { calls: 0, failures: 0, timeouts: 0, rateLimited: 0, rangeRefusals: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const upstream = async (body: string) => {
    const response = await fetch(opts.upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    return { status: response.status, body: await response.text() };
  };

  const blockNumber = async (tag: string | undefined, head: () => Promise<number>) => {
    if (tag === "earliest") return 0;
    if (tag && tag.startsWith("0x")) return Number(BigInt(tag));
    return head(); // latest, safe, finalized, pending or missing
  };

  const isTooWide = async (r: RpcRequest, head: () => Promise<number>) => {
    if (r.method !== "eth_getLogs" || opts.maxLogRange === undefined) return false;
    const filter = (r.params?.[0] ?? {}) as LogFilter;
    if (filter.blockHash) return false;
    return (
      (await blockNumber(filter.toBlock, head)) - (await blockNumber(filter.fromBlock, head)) + 1 > opts.maxLogRange
    );
  };

  /** Forwards to upstream, answering refused eth_getLogs elements itself. */
  const forward = async (raw: string, requests: RpcRequest[], isBatch: boolean) => {
    let headNumber: Promise<number> | undefined;
    const head = () =>
      (headNumber ??= upstream(JSON.stringify({ jsonrpc: "2.0", id: 0, method: "eth_blockNumber" })).then((r) =>
        Number(BigInt(JSON.parse(r.body).result)),
      ));
    const refused = await Promise.all(requests.map((r) => isTooWide(r, head)));
    stats.rangeRefusals += refused.filter(Boolean).length;
    if (!refused.includes(true)) return upstream(raw);
    const errors = requests.map((r) => rpcError(r, -32005, "query returned more than 10000 results"));
    if (!isBatch) return { status: 200, body: JSON.stringify(errors[0]) };
    const passed = requests.filter((_, i) => !refused[i]);
    const answers =
      passed.length > 0 ? (JSON.parse((await upstream(JSON.stringify(passed))).body) as { id: unknown }[]) : [];
    return {
      status: 200,
      body: JSON.stringify(requests.map((r, i) => (refused[i] ? errors[i] : answers.find((a) => a.id === r.id)))),
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    stats.calls++;
    const raw = await readBody(req);
    const send = (status: number, body: string, type = "application/json") => {
      if (!res.destroyed && !res.headersSent) res.writeHead(status, { "content-type": type }).end(body);
    };
    let parsed: RpcRequest | RpcRequest[];
    try {
      parsed = JSON.parse(raw);
    } catch {
      return upstream(raw).then((r) => send(r.status, r.body));
    }
    const isBatch = Array.isArray(parsed);
    const requests: RpcRequest[] = Array.isArray(parsed) ? parsed : [parsed];
    const isFaultable = requests.length > 0 && requests.every((r) => faultableMethods.has(r.method));
    const roll = isFaultable ? random() : 1;
    const [fail, hang, limit] = [
      opts.failRate,
      opts.failRate + opts.timeoutRate,
      opts.failRate + opts.timeoutRate + opts.rateLimitRate,
    ];

    if (roll < fail) {
      stats.failures++;
      return send(500, "Internal Server Error (injected by flaky-rpc)", "text/plain");
    }
    if (roll < hang) {
      stats.timeouts++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), opts.hangMs ?? 5_000);
        timers.add(timer);
      });
      if (res.destroyed) return;
    } else if (roll < limit) {
      stats.rateLimited++;
      const errors = requests.map((r) => rpcError(r, -32005, "rate limited"));
      return send(429, JSON.stringify(isBatch ? errors : errors[0]));
    }
    const answer = await forward(raw, requests, isBatch);
    send(answer.status, answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.destroyed && !res.headersSent)
        res.writeHead(502, { "content-type": "text/plain" }).end(`flaky-rpc: upstream failed: ${error.message}`);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const stop = () =>
    new Promise<void>((resolve) => {
      timers.forEach(clearTimeout);
      timers.clear();
      server.close(() => resolve());
      sockets.forEach((s) => s.destroy());
    });
  return { url: `http://127.0.0.1:${port}`, stats, stop };
}
