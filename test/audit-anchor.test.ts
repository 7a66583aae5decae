import { keccak256, parseEventLogs, stringToBytes, type Account } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { auditAnchorAbi } from "@/lib/chain/abi";

import { deployTestToken, type TestToken } from "./helpers/chain";

let c: TestToken;
const root = (n: number) => keccak256(stringToBytes(`root-${n}`));

beforeAll(async () => {
  c = await deployTestToken();
});

const call = (account: Account, functionName: "anchor", args: readonly [`0x${string}`, bigint, bigint]) =>
  c.client.simulateContract({ account, address: c.anchorAddress, abi: auditAnchorAbi, functionName, args });

async function anchor(from: bigint, to: bigint, n: number) {
  const { request } = await call(c.admin, "anchor", [root(n), from, to]);
  const receipt = await c.client.waitForTransactionReceipt({ hash: await c.wallet(c.admin).writeContract(request) });
  console.log(`AuditAnchor.anchor gas used: ${receipt.gasUsed}`);
  return parseEventLogs({ abi: auditAnchorAbi, logs: receipt.logs });
}

const read = <F extends "findAnchor" | "lastAnchoredRecord" | "anchorCount">(
  functionName: F,
  args: readonly unknown[] = [],
) =>
  c.client.readContract({
    address: c.anchorAddress,
    abi: auditAnchorAbi,
    functionName,
    args,
  } as never) as Promise<unknown>;

describe("AuditAnchor", () => {
  it("anchors contiguous ranges and emits RootAnchored for each", async () => {
    const first = await anchor(1n, 10n, 1);
    expect(first[0]).toMatchObject({
      eventName: "RootAnchored",
      args: { anchorId: 0n, root: root(1), fromRecord: 1n, toRecord: 10n },
    });
    await anchor(11n, 25n, 2);
    expect(await read("lastAnchoredRecord")).toBe(25n);
    expect(await read("anchorCount")).toBe(2n);
  });

  it("finds the anchor holding any record", async () => {
    const [id, found] = (await read("findAnchor", [17n])) as [bigint, { root: string; fromRecord: bigint }];
    expect([id, found.root, found.fromRecord]).toEqual([1n, root(2), 11n]);
    await expect(read("findAnchor", [26n])).rejects.toThrow(/RecordNotAnchored/);
  });

  it("never anchors a record twice or leaves a gap", async () => {
    await expect(call(c.admin, "anchor", [root(3), 20n, 30n])).rejects.toThrow(/RangeNotContiguous/);
    await expect(call(c.admin, "anchor", [root(3), 27n, 30n])).rejects.toThrow(/RangeNotContiguous/);
  });

  it("refuses an empty root, a backwards range and a caller without the anchor role", async () => {
    await expect(
      call(c.admin, "anchor", ["0x0000000000000000000000000000000000000000000000000000000000000000", 26n, 30n]),
    ).rejects.toThrow(/EmptyRoot/);
    await expect(call(c.admin, "anchor", [root(4), 26n, 25n])).rejects.toThrow(/InvalidRange/);
    await expect(call(c.stranger, "anchor", [root(4), 26n, 30n])).rejects.toThrow(/AccessControlUnauthorizedAccount/);
    await expect(
      c.client.readContract({ address: c.anchorAddress, abi: auditAnchorAbi, functionName: "getAnchor", args: [9n] }),
    ).rejects.toThrow(/UnknownAnchor/);
  });
});
