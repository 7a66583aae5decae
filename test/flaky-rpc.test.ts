// The flaky RPC proxy: each fault at about its rate, reproducible from the seed, sends untouched, clean stop.
import { createPublicClient, http } from "viem";
import { afterEach, describe, expect, inject, it } from "vitest";
import { devAccount } from "@/scripts/lib/accounts";
import { startFlakyRpc, type FlakyRpc, type FlakyRpcOptions } from "./helpers/flaky-rpc";

const upstream = () => inject("rpcUrl");
const started: FlakyRpc[] = [];

async function proxy(opts: Partial<FlakyRpcOptions> = {}) {
  const p = await startFlakyRpc({ upstream: upstream(), seed: 1, failRate: 0, timeoutRate: 0, rateLimitRate: 0, ...opts });
  started.push(p);
  return p;
}

async function post(url: string, body: unknown, timeoutMs = 5_000) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, text: await response.text() };
}

/** One request's fate as a client sees it. */
async function outcome(url: string, timeoutMs: number): Promise<"ok" | "failure" | "timeout" | "rateLimited"> {
  try {
    const r = await post(url, { jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }, timeoutMs);
    if (r.status === 500) return "failure";
    if (r.status === 429 && JSON.parse(r.text).error.code === -32005) return "rateLimited";
    if (r.status === 200 && JSON.parse(r.text).result) return "ok";
    throw new Error(`unexpected answer: ${r.status} ${r.text}`);
  } catch (error) {
    if ((error as Error).name === "TimeoutError") return "timeout";
    throw error;
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop()));
});

describe("flaky RPC proxy", () => {
  it("passes a plain request through unchanged", async () => {
    const p = await proxy();
    for (const body of [
      { jsonrpc: "2.0", id: 7, method: "eth_getBlockByNumber", params: ["0x0", true] },
      { jsonrpc: "2.0", id: 8, method: "eth_chainId", params: [] },
      [
        { jsonrpc: "2.0", id: 1, method: "eth_getBlockByNumber", params: ["0x0", false] },
        { jsonrpc: "2.0", id: 2, method: "eth_getBalance", params: [devAccount(0).address, "0x0"] },
      ],
    ]) {
      expect(await post(p.url, body)).toEqual(await post(upstream(), body));
    }
    const viaViem = createPublicClient({ transport: http(p.url) });
    expect(await viaViem.getChainId()).toBe(31337);
    expect(p.stats).toEqual({ calls: 4, failures: 0, timeouts: 0, rateLimited: 0, rangeRefusals: 0 });
  });

  it("injects each fault at roughly its rate, as the stats count them", async () => {
    const p = await proxy({ seed: 42, failRate: 0.1, timeoutRate: 0.05, rateLimitRate: 0.15, hangMs: 300 });
    const n = 500;
    const seen = { ok: 0, failure: 0, timeout: 0, rateLimited: 0 };
    for (let i = 0; i < n; i++) seen[await outcome(p.url, 100)]++;

    expect(p.stats).toMatchObject({ calls: n, failures: seen.failure, timeouts: seen.timeout, rateLimited: seen.rateLimited });
    // Within about three standard deviations of each rate for 500 draws.
    expect(Math.abs(seen.failure / n - 0.1)).toBeLessThan(0.04);
    expect(Math.abs(seen.timeout / n - 0.05)).toBeLessThan(0.03);
    expect(Math.abs(seen.rateLimited / n - 0.15)).toBeLessThan(0.05);
    expect(Math.abs(seen.ok / n - 0.7)).toBeLessThan(0.06);
  });

  it("repeats the same faults in the same order for the same seed", async () => {
    const opts = { seed: 9, failRate: 0.2, timeoutRate: 0, rateLimitRate: 0.2 };
    const [a, b] = [await proxy(opts), await proxy(opts)];
    const run = async (url: string) => {
      const out: string[] = [];
      for (let i = 0; i < 60; i++) out.push(await outcome(url, 1_000));
      return out;
    };
    const [first, second] = [await run(a.url), await run(b.url)];
    expect(first).toEqual(second);
    expect(new Set(first)).toEqual(new Set(["ok", "failure", "rateLimited"]));
  });

  it("refuses eth_getLogs over maxLogRange with HTTP 200 and -32005, per element of a batch", async () => {
    const p = await proxy({ maxLogRange: 10 });
    const getLogs = (fromBlock: string, toBlock: string, id = 1) => ({ jsonrpc: "2.0", id, method: "eth_getLogs", params: [{ fromBlock, toBlock }] });

    const wide = await post(p.url, getLogs("0x0", "0xa"));
    expect(wide.status).toBe(200);
    expect(JSON.parse(wide.text).error).toEqual({ code: -32005, message: "query returned more than 10000 results" });
    expect(JSON.parse((await post(p.url, getLogs("0x0", "0x9"))).text).result).toBeInstanceOf(Array);

    const head = Number(BigInt(JSON.parse((await post(upstream(), { jsonrpc: "2.0", id: 1, method: "eth_blockNumber" })).text).result));
    const narrowHead = await proxy({ maxLogRange: head });
    expect(JSON.parse((await post(narrowHead.url, getLogs("earliest", "latest"))).text).error.code).toBe(-32005);

    const batch = JSON.parse((await post(p.url, [getLogs("0x0", "0x20", 1), { jsonrpc: "2.0", id: 2, method: "eth_chainId", params: [] }])).text);
    expect(batch).toEqual([{ jsonrpc: "2.0", id: 1, error: { code: -32005, message: "query returned more than 10000 results" } }, { jsonrpc: "2.0", id: 2, result: "0x7a69" }]);
    expect(p.stats.rangeRefusals).toBe(2);

    const viaViem = createPublicClient({ transport: http(p.url, { retryCount: 0 }) });
    await expect(viaViem.getLogs({ fromBlock: 0n, toBlock: 50n })).rejects.toMatchObject({ code: -32005 });
  });

  it("never faults a send, even at a failure rate of one", async () => {
    const p = await proxy({ failRate: 1 });
    expect(await outcome(p.url, 1_000)).toBe("failure");

    const account = devAccount(7);
    const nonce = JSON.parse((await post(p.url, { jsonrpc: "2.0", id: 1, method: "eth_getTransactionCount", params: [account.address, "pending"] })).text).result;
    const raw = await account.signTransaction({ type: "eip1559", chainId: 31337, nonce: Number(nonce), to: account.address, value: 1n, gas: 21_000n, maxFeePerGas: 10_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n });
    const sent = JSON.parse((await post(p.url, { jsonrpc: "2.0", id: 1, method: "eth_sendRawTransaction", params: [raw] })).text);
    expect(sent.result).toMatch(/^0x[0-9a-f]{64}$/);
    const receipt = await createPublicClient({ transport: http(upstream()) }).waitForTransactionReceipt({ hash: sent.result, timeout: 5_000 });
    expect(receipt.status).toBe("success");
    expect(p.stats.failures).toBe(1);
  });

  it("stops promptly, closing requests that are still hanging", async () => {
    const p = await startFlakyRpc({ upstream: upstream(), seed: 1, failRate: 0, timeoutRate: 1, rateLimitRate: 0, hangMs: 60_000 });
    const hanging = post(p.url, { jsonrpc: "2.0", id: 1, method: "eth_blockNumber" }, 30_000);
    while (p.stats.timeouts === 0) await new Promise((r) => setTimeout(r, 10));

    const before = performance.now();
    await p.stop();
    expect(performance.now() - before).toBeLessThan(1_000);
    await expect(hanging).rejects.toThrow();
    await expect(post(p.url, { jsonrpc: "2.0", id: 1, method: "eth_chainId" }, 1_000)).rejects.toThrow();
  });
});
