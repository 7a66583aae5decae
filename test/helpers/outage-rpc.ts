// A JSON-RPC proxy that goes down on cue: while `isDown`, every request gets a 503; it can also go
// down by itself after a number of eth_call requests, for a fixed time (an outage mid-run), or when
// a test's look at each request (`inspect`) says so.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type OutageRpc = {
  url: string;
  refused: number;
  calls: number;
  downAfterCalls: (n: number, forMs: number) => void;
  /** Runs before each request is answered; `down(ms)` takes the node down from this request on. */
  inspect: (fn: ((body: string, down: (forMs: number) => void) => Promise<void>) | null) => void;
  stop: () => Promise<void>;
};

export async function startOutageRpc(upstream: string): Promise<OutageRpc> {
  let downUntil = 0;
  let trigger: { after: number; forMs: number } | null = null;
  let ethCalls = 0;
  let inspect: Parameters<OutageRpc["inspect"]>[0] = null;
  const state = { refused: 0, calls: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    state.calls++;
    await inspect?.(body, (forMs) => (downUntil = Date.now() + forMs));
    if (body.includes('"eth_call"') && trigger && ++ethCalls >= trigger.after) {
      downUntil = Date.now() + trigger.forMs;
      trigger = null;
    }
    if (Date.now() < downUntil) {
      state.refused++;
      res.writeHead(503).end("upstream unavailable");
      return;
    }
    const answer = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body });
    res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get refused() {
      return state.refused;
    },
    get calls() {
      return state.calls;
    },
    downAfterCalls: (n, forMs) => ((ethCalls = 0), (trigger = { after: n, forMs })),
    inspect: (fn) => (inspect = fn),
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
