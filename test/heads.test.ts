import { afterAll, describe, expect, inject, it } from "vitest";

import { createChainClient } from "@/lib/chain/client";
import { watchHeads } from "@/lib/chain/heads";

import { startTcpProxy } from "./helpers/tcp-proxy";

describe("watchHeads", () => {
  const rpc = createChainClient(inject("rpcUrl"), 31337);
  const stops: (() => unknown)[] = [];
  afterAll(() => stops.forEach((stop) => stop()));

  it("announces new blocks again after an outage of many redials, telling of the loss once", async () => {
    const proxy = await startTcpProxy(Number(new URL(inject("rpcUrl")).port));
    const redialMs = 100;
    const seen: bigint[] = [];
    const losses: Error[] = [];
    stops.push(
      watchHeads(`ws://127.0.0.1:${proxy.port}`, (n) => seen.push(n), { redialMs, onLost: (e) => losses.push(e) }),
      proxy.down,
    );
    // Blocks mined until one is announced: the subscription is made once the socket is open.
    const announced = () =>
      expect.poll(
        async () => {
          await rpc.request({ method: "evm_mine" as never });
          return seen.includes(await rpc.getBlockNumber({ cacheTime: 0 }));
        },
        { timeout: 10_000, interval: 300 },
      );
    await announced().toBe(true);

    await proxy.down();
    // Ten redial periods with the node gone.
    await new Promise((resolve) => setTimeout(resolve, 10 * redialMs));
    await proxy.up();
    await announced().toBe(true);
    expect(losses).toHaveLength(1);
  });
});
