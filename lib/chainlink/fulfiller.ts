// The local DON. For each request on the local coordinator it does what a DON does: decodes the
// request's CBOR (its own source and args), runs the source on four simulated nodes with the
// toolkit's simulateScript (deno, against the running app), aggregates like the DON (the median of
// the successes, or the commonest error), and reports through the coordinator test helper. The
// consumer contract and the API routes cannot tell it from a DON.
import cbor from "cbor";
import {
  encodeAbiParameters,
  parseAbiParameters,
  stringToHex,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";

import { putDenoOnPath } from "./deno";
import {
  callReportGasLimit,
  FunctionsCoordinatorTestHelperSource,
  FunctionsRouterSource,
  numberOfSimulatedNodeExecutions,
  simulateScript,
} from "./toolkit";

export type FulfillerConfig = {
  client: PublicClient;
  wallet: WalletClient;
  router: Address;
  coordinator: Address;
  fromBlock: bigint;
  /** The DON-hosted secrets the sources read (locally: { apiSecret: CHAINLINK_SECRET }). */
  secrets: Record<string, string>;
  nodes?: number;
};

type Commitment = {
  requestId: Hex;
  coordinator: Address;
  estimatedTotalCostJuels: bigint;
  client: Address;
  subscriptionId: bigint;
  callbackGasLimit: number;
  adminFee: bigint;
  donFee: bigint;
  gasOverheadBeforeCallback: number;
  gasOverheadAfterCallback: number;
  timeoutTimestamp: number;
};
type OracleRequest = { requestId: Hex; data: Hex; commitment: Commitment };
export type Fulfilment = { requestId: Hex; response?: Hex; error?: string; txHash: Hex };

const commitmentParams = parseAbiParameters(
  "bytes32, address, uint96, address, uint64, uint32, uint72, uint72, uint40, uint40, uint32",
);
const reportParams = parseAbiParameters("bytes32[], bytes[], bytes[], bytes[], bytes[]");

/** The report the coordinator test helper takes: one request's result or error, with its commitment. */
export function encodeReport(requestId: Hex, c: Commitment, result: { response?: Hex; error?: string }): Hex {
  const commitment = encodeAbiParameters(commitmentParams, [
    c.requestId,
    c.coordinator,
    c.estimatedTotalCostJuels,
    c.client,
    c.subscriptionId,
    c.callbackGasLimit,
    c.adminFee,
    c.donFee,
    c.gasOverheadBeforeCallback,
    c.gasOverheadAfterCallback,
    c.timeoutTimestamp,
  ]);
  return encodeAbiParameters(reportParams, [
    [requestId],
    [result.response ?? "0x"],
    [result.error ? stringToHex(result.error) : "0x"],
    [commitment],
    ["0x"],
  ]);
}

/** A request's CBOR: alternating keys and values (FunctionsRequest.encodeCBOR). */
export function decodeRequest(data: Hex): { source?: string; args?: string[] } {
  const items = cbor.decodeAllSync(Buffer.from(data.slice(2), "hex"));
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < items.length; i += 2) out[String(items[i])] = items[i + 1];
  return {
    source: typeof out.source === "string" ? out.source : undefined,
    args: Array.isArray(out.args) ? out.args.map(String) : undefined,
  };
}

/** The DON's aggregation: a majority of successes gives their median (bytewise); else the commonest error. */
export function aggregate(results: { response?: Hex; error?: string }[]): { response?: Hex; error?: string } {
  const ok = results.filter((r) => r.response !== undefined).map((r) => r.response!);
  if (ok.length > results.length - ok.length) {
    const sorted = ok
      .map((h) => Buffer.from(h.slice(2), "hex"))
      .sort((a, b) => a.length - b.length || Buffer.compare(a, b));
    return { response: `0x${sorted[Math.floor((sorted.length - 1) / 2)].toString("hex")}` };
  }
  const counts = new Map<string, number>();
  for (const r of results) if (r.error !== undefined) counts.set(r.error, (counts.get(r.error) ?? 0) + 1);
  return { error: [...counts].sort((a, b) => b[1] - a[1])[0][0] };
}

export function createFulfiller(c: FulfillerConfig) {
  putDenoOnPath();
  let next = c.fromBlock;

  async function execute(request: OracleRequest) {
    let decoded;
    try {
      decoded = decodeRequest(request.data);
    } catch {
      return { error: "CBOR parsing error" };
    }
    if (!decoded.source) return { error: "the request has no inline source" };
    const nodes = Array.from({ length: c.nodes ?? numberOfSimulatedNodeExecutions }, async () => {
      try {
        const r = await simulateScript({ source: decoded.source!, args: decoded.args, secrets: c.secrets });
        return r.errorString !== undefined || !r.responseBytesHexstring
          ? { error: r.errorString ?? "empty response" }
          : { response: r.responseBytesHexstring as Hex };
      } catch (error) {
        return { error: (error as Error).message.slice(0, 256) };
      }
    });
    return aggregate(await Promise.all(nodes));
  }

  async function report(request: OracleRequest, result: { response?: Hex; error?: string }): Promise<Hex> {
    const hash = await c.wallet.writeContract({
      account: c.wallet.account!,
      chain: c.wallet.chain,
      address: c.coordinator,
      abi: FunctionsCoordinatorTestHelperSource.abi as Abi,
      functionName: "callReport",
      args: [encodeReport(request.requestId, request.commitment, result)],
      gas: BigInt(callReportGasLimit),
    });
    await c.client.waitForTransactionReceipt({ hash });
    return hash;
  }

  /** Answers every request sent since the last step that the router has not settled; returns them. */
  async function step(): Promise<Fulfilment[]> {
    const head = await c.client.getBlockNumber({ cacheTime: 0 });
    if (next > head) return [];
    const range = { fromBlock: next, toBlock: head };
    const requests = await c.client.getContractEvents({
      address: c.coordinator,
      abi: FunctionsCoordinatorTestHelperSource.abi as Abi,
      eventName: "OracleRequest",
      ...range,
    });
    const settled = await c.client.getContractEvents({
      address: c.router,
      abi: FunctionsRouterSource.abi as Abi,
      eventName: "RequestProcessed",
      ...range,
    });
    const done = new Set(settled.map((l) => (l.args as { requestId: Hex }).requestId));
    const out: Fulfilment[] = [];
    for (const log of requests) {
      const request = log.args as unknown as OracleRequest;
      if (done.has(request.requestId)) continue;
      const result = await execute(request);
      out.push({ requestId: request.requestId, ...result, txHash: await report(request, result) });
    }
    next = head + 1n;
    return out;
  }

  return { step };
}
