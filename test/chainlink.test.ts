// Chainlink Functions end to end, for real, without a DON: a check requested on chain → the local
// DON (the toolkit's simulateScript running chainlink/sources/*.js in deno) → the real route
// handlers over HTTP → the coordinator's report → the consumer's callback → the listener.
import { and, count, eq } from "drizzle-orm";
import { createWalletClient, decodeEventLog, http, parseEventLogs, type Abi, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { batchChecksAbi, batchTokenAbi } from "@/lib/chain/abi";
import { donAccount } from "@/lib/chain/dev-accounts";
import { decodeAnswer } from "@/lib/chainlink/answer";
import { createFulfiller, encodeReport } from "@/lib/chainlink/fulfiller";
import { FunctionsCoordinatorTestHelperSource } from "@/lib/chainlink/toolkit";
import { auditRecords, batches, chainlinkCalls, chainlinkRequests } from "@/lib/db/schema";
import { createIndexer } from "@/lib/events/indexer";
import { recordQualityCheck } from "@/lib/quality/checks";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { configureConsumer, deployFunctions, type FunctionsDeployment } from "@/scripts/lib/functions";
import { mintBatch } from "@/scripts/lib/mint";

import { insertStaff } from "./helpers/callers";
import { deployTestToken, indexerConfig, type TestToken } from "./helpers/chain";
import { chainlinkEnv, serveChainlinkRoutes } from "./helpers/chainlink-server";
import { createTestDb, type TestDb } from "./helpers/db";

const secret = "test-chainlink-secret-0123456789abcdef";
const Check = { VerifyBatch: 0, QualityCheck: 1, ExpiryCheck: 2 } as const;
const State = { None: 0, Sent: 1, Fulfilled: 2, Failed: 3 } as const;

let t: TestDb;
let chain: TestToken;
let api: Awaited<ReturnType<typeof serveChainlinkRoutes>>;
let functions: FunctionsDeployment;
let fulfiller: ReturnType<typeof createFulfiller>;
let indexer: ReturnType<typeof createIndexer>;
const list = demoBatches(3, new Date("2026-11-23T00:00:00Z"), 7);

const admin = () => chain.wallet(chain.admin);
const mined = async (hash: Hex) => {
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
};

/** Sends a check from the verifier's wallet; its router request id and the API's chainlink_request_id. */
async function requestCheck(tokenId: bigint, check: number) {
  const receipt = await mined(
    await admin().writeContract({
      address: functions.consumer,
      abi: batchChecksAbi,
      chain: chain.client.chain,
      functionName: "requestCheck",
      args: [tokenId, check],
    }),
  );
  const [sent] = parseEventLogs({ abi: batchChecksAbi, logs: receipt.logs, eventName: "CheckRequested" });
  return { requestId: sent.args.requestId, apiRequestId: sent.args.apiRequestId };
}

const readRequest = async (requestId: Hex) => {
  const [batchId, check, state, passed, applied, code, asOf] = await chain.client.readContract({
    address: functions.consumer,
    abi: batchChecksAbi,
    functionName: "requests",
    args: [requestId],
  });
  return { batchId, check, state, passed, applied, code, asOf };
};
const readToken = (tokenId: bigint) =>
  chain.client.readContract({ address: chain.address, abi: batchTokenAbi, functionName: "getBatch", args: [tokenId] });

/** The gas the consumer's callback used inside a report transaction, from anvil's call trace. */
async function callbackGas(txHash: Hex): Promise<bigint> {
  type Frame = { to?: string; input?: string; gasUsed?: string; calls?: Frame[] };
  const trace = (await chain.client.request({
    method: "debug_traceTransaction" as never,
    params: [txHash, { tracer: "callTracer" }] as never,
  })) as Frame;
  const frames: Frame[] = [];
  const walk = (f: Frame) => (frames.push(f), f.calls?.forEach(walk));
  walk(trace);
  // handleOracleFulfillment(bytes32,bytes,bytes) = 0x0ca76175, the router's call into the consumer.
  const callback = frames.find(
    (f) => f.to?.toLowerCase() === functions.consumer.toLowerCase() && f.input?.startsWith("0x0ca76175"),
  );
  if (!callback?.gasUsed) throw new Error("no callback in this transaction");
  return BigInt(callback.gasUsed);
}

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  Object.assign(process.env, chainlinkEnv(t, chain, secret));
  api = await serveChainlinkRoutes();
  functions = await deployFunctions({
    client: chain.client,
    rpcUrl: chain.rpcUrl,
    admin: chain.admin,
    batchToken: chain.address,
    apiUrl: api.url,
    verifiers: [chain.admin.address],
  });
  for (const b of list) await mintBatch(chain.target, chain.producer, b);
  indexer = createIndexer({ ...indexerConfig(t.db, chain, 1_000), consumer: functions.consumer });
  await indexer.toHead();
  const wallet = createWalletClient({ account: donAccount, chain: chain.client.chain, transport: http(chain.rpcUrl) });
  fulfiller = createFulfiller({
    client: chain.client,
    wallet,
    router: functions.router,
    coordinator: functions.coordinator,
    fromBlock: chain.deployBlock,
    secrets: { apiSecret: secret },
  });

  // A verifier grades the first batch specialty, so its verification can pass.
  const [verifier] = await insertStaff(t.db, [{ name: "Vera Verifier", email: "vera@example.com", role: "verifier" }]);
  const [first] = await t.db.select().from(batches).where(eq(batches.tokenId, "1"));
  await recordQualityCheck(
    t.db,
    first.id,
    { cupping_score: 86.5, moisture_pct: 10.5, primary_defects: 0, secondary_defects: 2, screen_size: 16 },
    [],
    verifier,
  );
}, 180_000);

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe("a verify-batch check", () => {
  it("goes from the chain through the local DON and the real route to the callback, and the listener marks the batch verified in Postgres", async () => {
    expect((await readToken(1n)).verified).toBe(false);
    const { requestId, apiRequestId } = await requestCheck(1n, Check.VerifyBatch);
    expect((await readRequest(requestId)).state).toBe(State.Sent);

    const [fulfilment] = await fulfiller.step();
    expect(fulfilment).toMatchObject({ requestId });
    expect(fulfilment.error).toBeUndefined();
    expect(decodeAnswer(fulfilment.response!)).toMatchObject({
      tokenId: 1n,
      check: "verify_batch",
      passed: true,
      code: 0,
    });

    // On chain: the consumer stored the answer and the token took it through the oracle role.
    expect(await readRequest(requestId)).toMatchObject({
      state: State.Fulfilled,
      passed: true,
      applied: true,
      code: 0,
    });
    const token = await readToken(1n);
    expect(token.verified).toBe(true);
    const gas = await callbackGas(fulfilment.txHash);
    console.log(`[gas] consumer callback (verify-batch, passed, token marked verified): ${gas} gas`);
    expect(gas).toBeLessThan(300_000n);

    // In Postgres, through the listener: the batch, and the check's whole story.
    await indexer.toHead();
    const [batch] = await t.db.select().from(batches).where(eq(batches.tokenId, "1"));
    expect(batch).toMatchObject({ status: "verified", verificationStatus: "verified" });
    const [row] = await t.db.select().from(chainlinkRequests).where(eq(chainlinkRequests.id, apiRequestId));
    expect(row).toMatchObject({
      checkType: "verify_batch",
      batchId: batch.id,
      state: "fulfilled",
      applied: true,
      passed: true,
      answer: fulfilment.response,
      routerRequestId: requestId,
      requester: chain.admin.address.toLowerCase(),
    });

    // Four simulated nodes called the API; all got the same bytes, and the verification ran once.
    const calls = await t.db.select().from(chainlinkCalls).where(eq(chainlinkCalls.chainlinkRequestId, apiRequestId));
    expect(calls.map((c) => [c.outcome, c.status])).toEqual(Array(4).fill(["answered", 200]));
    const audited = await t.db
      .select({ action: auditRecords.action, actor: auditRecords.actorKind })
      .from(auditRecords)
      .where(eq(auditRecords.batchId, batch.id));
    expect(audited.filter((a) => a.action === "chainlink.answered")).toHaveLength(4);
    expect(audited.filter((a) => a.action === "verification.passed")).toEqual([
      { action: "verification.passed", actor: "oracle" },
    ]);
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["chain.CheckRequested", "chain.CheckFulfilled", "chain.BatchVerified"]),
    );
  });

  it("quality and expiry checks answer too, and change the token only where the answer says so", async () => {
    const quality = await requestCheck(1n, Check.QualityCheck);
    const expiry = await requestCheck(2n, Check.ExpiryCheck);
    const before = await readToken(2n);
    const done = await fulfiller.step();
    expect(done.map((f) => f.requestId)).toEqual([quality.requestId, expiry.requestId]);
    expect(await readRequest(quality.requestId)).toMatchObject({
      state: State.Fulfilled,
      passed: true,
      applied: false,
      code: 8650,
    });
    const daysLeft = Math.floor((Date.parse(`${list[1].expiryDate}T00:00:00Z`) - Date.now()) / 86_400_000);
    expect(await readRequest(expiry.requestId)).toMatchObject({
      state: State.Fulfilled,
      passed: true,
      applied: false,
      code: daysLeft,
    });
    expect(await readToken(2n)).toEqual(before);
  });
});

describe("a check that cannot be answered ends recorded, with the token unchanged", () => {
  /** Runs one check through the DON and returns the reason the consumer recorded. */
  async function failedCheck(tokenId: bigint, check: number, don = fulfiller) {
    const before = tokenId > 0n && tokenId <= 3n ? await readToken(tokenId) : null;
    const { requestId, apiRequestId } = await requestCheck(tokenId, check);
    const [fulfilment] = await don.step();
    expect(fulfilment.error).toBeDefined();
    expect((await readRequest(requestId)).state).toBe(State.Failed);
    if (before) expect(await readToken(tokenId)).toEqual(before);
    await indexer.toHead();
    const [row] = await t.db.select().from(chainlinkRequests).where(eq(chainlinkRequests.id, apiRequestId));
    expect(row).toMatchObject({ state: "failed", applied: false });
    return { error: row.error!, apiRequestId };
  }

  it("an unknown batch: the API answers 404, and the consumer records why", async () => {
    const { error, apiRequestId } = await failedCheck(999_999n, Check.VerifyBatch);
    expect(error).toMatch(/Batchtrail answered 404: No batch has token id 999999/);
    const calls = await t.db.select().from(chainlinkCalls).where(eq(chainlinkCalls.chainlinkRequestId, apiRequestId));
    expect(calls.map((c) => [c.outcome, c.status])).toEqual(Array(4).fill(["refused", 404]));
  });

  it("a bad signature: a DON holding another secret is refused at every node", async () => {
    const wallet = createWalletClient({
      account: donAccount,
      chain: chain.client.chain,
      transport: http(chain.rpcUrl),
    });
    const impostor = createFulfiller({
      client: chain.client,
      wallet,
      router: functions.router,
      coordinator: functions.coordinator,
      fromBlock: await chain.client.getBlockNumber(),
      secrets: { apiSecret: "not-the-secret-0123456789abcdefghij" },
    });
    const { error, apiRequestId } = await failedCheck(3n, Check.VerifyBatch, impostor);
    expect(error).toBe("Batchtrail answered 401: The signature does not match.");
    const calls = await t.db.select().from(chainlinkCalls).where(eq(chainlinkCalls.chainlinkRequestId, apiRequestId));
    expect(calls).toEqual([]); // refused before its body was trusted: recorded without the id it claimed
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(chainlinkCalls)
      .where(eq(chainlinkCalls.reason, "The signature does not match."));
    expect(n).toBe(4);
  });

  it("a failing API: no answer, recorded as such", async () => {
    const { subscriptionId, donId } = functions;
    const wallet = admin();
    await configureConsumer(chain.client, wallet, functions.consumer, {
      donId,
      subscriptionId: BigInt(subscriptionId),
      apiUrl: "http://127.0.0.1:9",
    });
    try {
      const { error } = await failedCheck(3n, Check.VerifyBatch);
      // The simulator's HTTP proxy answers 400 for a host that cannot be reached.
      expect(error).toBe("Batchtrail answered 400: Error during fetch request");
    } finally {
      await configureConsumer(chain.client, wallet, functions.consumer, {
        donId,
        subscriptionId: BigInt(subscriptionId),
        apiUrl: api.url,
      });
    }
  });

  it("an oversize response: the DON refuses it past 256 bytes", async () => {
    const setSource = async (source: string) =>
      mined(
        await admin().writeContract({
          address: functions.consumer,
          abi: batchChecksAbi,
          chain: chain.client.chain,
          functionName: "setSource",
          args: [Check.QualityCheck, source],
        }),
      );
    const original = await chain.client.readContract({
      address: functions.consumer,
      abi: batchChecksAbi,
      functionName: "sources",
      args: [Check.QualityCheck],
    });
    await setSource("return Buffer.alloc(300, 1);");
    try {
      const { error } = await failedCheck(3n, Check.QualityCheck);
      expect(error).toBe("response >256 bytes");
    } finally {
      await setSource(original);
    }
  });
});

describe("the callback", () => {
  /** A check sent but not left to the local DON: its OracleRequest, to report by hand. */
  async function pendingRequest(tokenId: bigint) {
    const { requestId } = await requestCheck(tokenId, Check.VerifyBatch);
    const logs = await chain.client.getContractEvents({
      address: functions.coordinator,
      abi: FunctionsCoordinatorTestHelperSource.abi as Abi,
      eventName: "OracleRequest",
      fromBlock: "earliest",
    });
    const log = logs.find((l) => (l.args as { requestId: Hex }).requestId === requestId)!;
    return {
      requestId,
      request: log.args as unknown as { requestId: Hex; commitment: Parameters<typeof encodeReport>[1] },
    };
  }
  const report = async (
    requestId: Hex,
    commitment: Parameters<typeof encodeReport>[1],
    result: { response?: Hex; error?: string },
  ) => {
    const wallet = createWalletClient({
      account: donAccount,
      chain: chain.client.chain,
      transport: http(chain.rpcUrl),
    });
    return mined(
      await wallet.writeContract({
        address: functions.coordinator,
        abi: FunctionsCoordinatorTestHelperSource.abi as Abi,
        chain: chain.client.chain,
        functionName: "callReport",
        args: [encodeReport(requestId, commitment, result)],
        gas: 5_000_000n,
      }),
    );
  };
  const consumerEvents = (receipt: Awaited<ReturnType<typeof mined>>) =>
    receipt.logs
      .filter((l) => l.address.toLowerCase() === functions.consumer.toLowerCase())
      .map((l) => decodeEventLog({ abi: batchChecksAbi, ...l }).eventName);

  it("records a response that is not one 160-byte answer as a failure, without reverting", async () => {
    const { requestId, request } = await pendingRequest(3n);
    const before = await readToken(3n);
    const receipt = await report(requestId, request.commitment, { response: `0x${"ab".repeat(300)}` });
    expect(consumerEvents(receipt)).toContain("CheckFailed");
    expect(await readRequest(requestId)).toMatchObject({ state: State.Failed, applied: false });
    expect(await readToken(3n)).toEqual(before);
    console.log(
      `[gas] consumer callback (300-byte response refused): ${await callbackGas(receipt.transactionHash)} gas`,
    );
  });

  it("ignores a response for a request already settled, or one it never sent", async () => {
    const { requestId, request } = await pendingRequest(3n);
    const answer = (
      await t.db
        .select()
        .from(chainlinkRequests)
        .where(and(eq(chainlinkRequests.tokenId, "1"), eq(chainlinkRequests.checkType, "verify_batch")))
    )[0].answer as Hex;
    // The answer names batch 1, not 3: recorded as a failure.
    await report(requestId, request.commitment, { response: answer });
    const settled = await readRequest(requestId);
    expect(settled.state).toBe(State.Failed);

    const again = await report(requestId, request.commitment, { response: answer });
    expect(consumerEvents(again)).toEqual([]);
    const unknown = { ...request.commitment, requestId: `0x${"ee".repeat(32)}` as Hex };
    const stranger = await report(unknown.requestId, unknown, { response: answer });
    expect(consumerEvents(stranger)).toEqual([]);
    expect(await readRequest(requestId)).toEqual(settled);
    expect((await readRequest(unknown.requestId)).state).toBe(State.None);
  });

  it("cannot be called by anyone but the router", async () => {
    await expect(
      admin().writeContract({
        address: functions.consumer,
        abi: batchChecksAbi,
        chain: chain.client.chain,
        functionName: "handleOracleFulfillment",
        args: [`0x${"11".repeat(32)}`, "0x", "0x"],
      }),
    ).rejects.toThrow(/OnlyRouterCanFulfill/);
  });

  it("is the verifier's to ask: a wallet without the role is refused", async () => {
    await expect(
      chain.wallet(chain.stranger).writeContract({
        address: functions.consumer,
        abi: batchChecksAbi,
        chain: chain.client.chain,
        functionName: "requestCheck",
        args: [1n, Check.VerifyBatch],
      }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/);
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(chainlinkRequests)
      .where(eq(chainlinkRequests.requester, chain.stranger.address.toLowerCase()));
    expect(n).toBe(0);
  });
});
