// Floods the batch token with a realistic mix of events, fast: automine off, locally signed raw
// transactions sent in JSON-RPC batches, and one mined block per chunk, its logs checked.
import {
  encodeEventTopics,
  encodeFunctionData,
  keccak256,
  toHex,
  type Account,
  type Address,
  type Hex,
  type LocalAccount,
  type PublicClient,
} from "viem";

import { encodeMetadata } from "../../lib/batches/metadata";
import { batchTokenAbi } from "../../lib/chain/abi";
import { dateToUnix, kgToGrams, usdToCents } from "../../lib/chain/units";
import { demoBatches, type DemoBatch } from "./demo-batches";

type Target = { client: PublicClient; rpcUrl: string; address: Address };
export type BulkTarget = Target & { admin: Account; producers: Account[] };
export type BulkResult = { events: number; fromBlock: bigint; toBlock: bigint; transactions: number };

type Call = { from: LocalAccount; kind: string; data: Hex; events: number };
type Planned = { batch: DemoBatch; producer: LocalAccount; grams: bigint; index: number };
type FollowUp = { phase: 1 | 2; isByHolder: boolean; kind: string; args: unknown[]; events: number };
type Log = { transactionHash: Hex; topics: Hex[] };

// Each chunk becomes one block: big blocks because anvil's cost per block grows with the chain's state.
const chunkSize = 1500;
const reasons = ["warehouse recount: extra bags found", "re-weighed at intake", "sample bags returned to stock"];
const batchCreatedTopic = encodeEventTopics({ abi: batchTokenAbi, eventName: "BatchCreated" })[0];
const encode = (kind: string, args: unknown[]) =>
  encodeFunctionData({ abi: batchTokenAbi, functionName: kind, args } as never);
const yieldToIo = () => new Promise((resolve) => setImmediate(resolve));

async function rpcBatch<T>(url: string, calls: { method: string; params: unknown[] }[]): Promise<T[]> {
  const body = JSON.stringify(calls.map((c, id) => ({ jsonrpc: "2.0", id, ...c })));
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (!response.ok) throw new Error(`RPC ${calls[0]?.method} failed: HTTP ${response.status} ${await response.text()}`);
  const replies = (await response.json()) as { id: number; result?: T; error?: { message: string } }[];
  return replies
    .sort((a, b) => a.id - b.id)
    .map((r) => {
      if (r.error) throw new Error(`RPC ${calls[r.id].method} failed: ${r.error.message}`);
      return r.result as T;
    });
}

const rpc = async <T>(url: string, method: string, ...params: unknown[]) =>
  (await rpcBatch<T>(url, [{ method, params }]))[0];

function asLocal(account: Account): LocalAccount {
  if (account.type !== "local")
    throw new Error(`generateEvents signs locally; ${account.address} is not a local account`);
  return account;
}

/** What happens to a batch after it is created, as its demo state says; the holder's redemptions come last. */
function followUps({ batch: b, grams, index: i }: Planned, id: bigint): FollowUp[] {
  const isOpen = b.state === "active" || b.state === "verified";
  const steps: (FollowUp | false)[] = [
    isOpen &&
      i % 4 === 1 && {
        phase: 1,
        isByHolder: false,
        kind: "adjustInventory",
        args: [id, grams + grams / 50n + 1n, reasons[i % reasons.length]],
        events: 1,
      },
    (b.state === "verified" || b.state === "redeemed") && {
      phase: 1,
      isByHolder: false,
      kind: "markVerified",
      args: [id],
      events: 1,
    },
    b.state === "expired" && { phase: 1, isByHolder: false, kind: "markExpired", args: [id], events: 1 },
    b.state === "redeemed" && { phase: 2, isByHolder: true, kind: "redeem", args: [id, grams], events: 2 },
    isOpen && i % 5 === 2 && { phase: 2, isByHolder: true, kind: "redeem", args: [id, grams / 3n + 1n], events: 2 },
  ];
  return steps.filter((s): s is FollowUp => s !== false);
}

/** Demo batches, as many as it takes to plan at least `count` events (or exactly `batches` of them). */
function planBatches(producers: LocalAccount[], count: number, today: Date, seed: number, batches?: number): Planned[] {
  const planned: Planned[] = [];
  let events = 0;
  for (const [index, batch] of demoBatches(batches ?? Math.ceil(count / 3) + 1, today, seed).entries()) {
    if (batches === undefined && events >= count) break;
    const p = { batch, producer: producers[index % producers.length], grams: kgToGrams(batch.quantityKg), index };
    planned.push(p);
    events += 3 + followUps(p, 0n).reduce((n, f) => n + f.events, 0);
  }
  return planned;
}

/** Gas for each kind: estimated once on the call with the longest calldata, plus a margin. */
async function estimateGasByKind(t: BulkTarget, calls: Call[]): Promise<Map<string, bigint>> {
  const longest = new Map<string, Call>();
  for (const c of calls) if ((longest.get(c.kind)?.data.length ?? 0) < c.data.length) longest.set(c.kind, c);
  const samples = [...longest.values()];
  const estimates = await rpcBatch<Hex>(
    t.rpcUrl,
    samples.map((c) => ({
      method: "eth_estimateGas",
      params: [{ from: c.from.address, to: t.address, data: c.data }],
    })),
  );
  return new Map(samples.map((c, i) => [c.kind, (BigInt(estimates[i]) * 5n) / 4n + 20_000n]));
}

async function sendRaw(url: string, raws: Hex[]): Promise<void> {
  const parts = Array.from({ length: Math.ceil(raws.length / 250) }, (_, i) => raws.slice(i * 250, i * 250 + 250));
  const worker = async () => {
    for (let part = parts.shift(); part; part = parts.shift())
      await rpcBatch<Hex>(
        url,
        part.map((raw) => ({ method: "eth_sendRawTransaction", params: [raw] })),
      );
  };
  await Promise.all([worker(), worker(), worker()]);
}

/**
 * Makes at least `count` BatchToken events (or the events of exactly `batches` batches) and returns
 * the exact number emitted and where. Producers need
 * MINTER_ROLE, the admin VERIFIER_ROLE and INVENTORY_MANAGER_ROLE (as deployContracts grants). While it runs,
 * automine is off and the block gas limit raised; both are restored, also on failure.
 */
export async function generateEvents(
  t: BulkTarget,
  count: number,
  log: (message: string) => void = () => {},
  batches?: number,
): Promise<BulkResult> {
  const [admin, producers] = [asLocal(t.admin), t.producers.map(asLocal)];
  const chainId = await t.client.getChainId();
  const latest = await t.client.getBlock({ blockTag: "latest" });
  const serialFrom =
    (await t.client.readContract({ address: t.address, abi: batchTokenAbi, functionName: "batchCount" })) + 1n;
  const planned = planBatches(
    producers,
    count,
    new Date(Number(latest.timestamp) * 1000),
    2026 + Number(serialFrom),
    batches,
  );
  // Full blocks raise the base fee 12.5% a block; pinning it keeps one fee good for every transaction.
  const baseFee = latest.baseFeePerGas ?? 1_000_000_000n;
  const fees = { maxPriorityFeePerGas: 1_000_000_000n, maxFeePerGas: baseFee * 2n + 1_000_000_000n };
  let gasLimit = latest.gasLimit;
  const nonces = new Map<Address, number>();
  const result: BulkResult = { events: 0, fromBlock: 0n, toBlock: 0n, transactions: 0 };
  const started = performance.now();

  /** Sends a chunk and mines it as one block, then checks each transaction emitted the events it should. */
  const mineChunk = async (calls: Call[], raws: Hex[], hashes: Hex[]): Promise<Log[]> => {
    await sendRaw(t.rpcUrl, raws);
    const pending = new Set(hashes);
    const logs: Log[] = [];
    for (let tries = 0; pending.size > 0; tries++) {
      if (tries === 3) throw new Error(`${pending.size} bulk transactions were not mined`);
      await rpc(t.rpcUrl, "anvil_setNextBlockBaseFeePerGas", toHex(baseFee));
      await rpc(t.rpcUrl, "evm_mine");
      const block = await rpc<{ number: Hex; transactions: Hex[] }>(t.rpcUrl, "eth_getBlockByNumber", "latest", false);
      block.transactions.forEach((h) => pending.delete(h));
      logs.push(
        ...(await rpc<Log[]>(t.rpcUrl, "eth_getLogs", {
          address: t.address,
          fromBlock: block.number,
          toBlock: block.number,
        })),
      );
      if (result.fromBlock === 0n) result.fromBlock = BigInt(block.number);
      result.toBlock = BigInt(block.number);
    }
    const emitted = new Map<Hex, number>();
    for (const l of logs) emitted.set(l.transactionHash, (emitted.get(l.transactionHash) ?? 0) + 1);
    const failed = hashes.findIndex((h, i) => emitted.get(h) !== calls[i].events);
    if (failed >= 0) throw new Error(`bulk ${calls[failed].kind} reverted: ${hashes[failed]}`);
    result.transactions += hashes.length;
    result.events += logs.length;
    return logs;
  };

  /** Signs each chunk while anvil mines the one before, so both cores work; returns the phase's logs and hashes. */
  const runPhase = async (calls: Call[]): Promise<{ logs: Log[]; hashes: Hex[] }> => {
    if (calls.length === 0) return { logs: [], hashes: [] };
    const gas = await estimateGasByKind(t, calls);
    const [logs, hashes]: [Log[], Hex[]] = [[], []];
    let mining: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < calls.length; start += chunkSize) {
      const chunk = calls.slice(start, start + chunkSize);
      const raws: Hex[] = [];
      for (const c of chunk) {
        if (!nonces.has(c.from.address))
          nonces.set(
            c.from.address,
            await t.client.getTransactionCount({ address: c.from.address, blockTag: "pending" }),
          );
        const nonce = nonces.get(c.from.address)!;
        nonces.set(c.from.address, nonce + 1);
        raws.push(
          await c.from.signTransaction!({
            type: "eip1559",
            chainId,
            nonce,
            to: t.address,
            data: c.data,
            gas: gas.get(c.kind)!,
            ...fees,
          }),
        );
        if (raws.length % 25 === 0) await yieldToIo();
      }
      const chunkHashes = raws.map((raw) => keccak256(raw));
      hashes.push(...chunkHashes);
      await mining;
      const chunkGas = chunk.reduce((sum, c) => sum + gas.get(c.kind)!, 0n);
      if (chunkGas > gasLimit) await rpc(t.rpcUrl, "evm_setBlockGasLimit", toHex((gasLimit = chunkGas)));
      mining = mineChunk(chunk, raws, chunkHashes).then((chunkLogs) => logs.push(...chunkLogs));
      mining.catch(() => {}); // awaited on the next turn; this only keeps Node from calling it unhandled meanwhile
    }
    await mining;
    log(
      `${result.transactions} transactions, ${result.events} events mined (${Math.round(performance.now() - started)} ms)`,
    );
    return { logs, hashes };
  };

  let isDone = false;
  await rpc(t.rpcUrl, "evm_setAutomine", false);
  try {
    const creates = planned.map(({ batch: b, producer, grams, index }): Call => {
      // Serials from the contract's counter keep batch codes unique per contract and apart from the 4-digit demo serials.
      const meta = encodeMetadata({
        ...b.metadata,
        batch_code: b.metadata.batch_code.replace(/-\d+$/, `-${String(serialFrom + BigInt(index)).padStart(6, "0")}`),
      });
      const args = [
        producer.address,
        grams,
        dateToUnix(b.productionDate),
        dateToUnix(b.expiryDate),
        usdToCents(b.pricePerKg),
        meta.hash,
        meta.uri,
      ];
      return { from: producer, kind: "createBatch", data: encode("createBatch", args), events: 3 };
    });
    // Producers' transactions interleave within a block, so the ids come from the BatchCreated logs.
    const created = await runPhase(creates);
    const idByTx = new Map(
      created.logs
        .filter((l) => l.topics[0] === batchCreatedTopic)
        .map((l) => [l.transactionHash, BigInt(l.topics[1])]),
    );
    const phases: Call[][] = [[], [], []];
    for (const [i, p] of planned.entries()) {
      for (const f of followUps(p, idByTx.get(created.hashes[i])!)) {
        phases[f.phase].push({
          from: f.isByHolder ? p.producer : admin,
          kind: f.kind,
          data: encode(f.kind, f.args),
          events: f.events,
        });
      }
    }
    for (const calls of phases.slice(1)) await runPhase(calls);
    isDone = true;
    return result;
  } finally {
    // On failure, leave no half-sent transactions behind for the next automined block.
    if (!isDone) await rpc(t.rpcUrl, "anvil_dropAllTransactions").catch(() => {});
    await rpc(t.rpcUrl, "evm_setBlockGasLimit", toHex(latest.gasLimit)).catch(() => {});
    await rpc(t.rpcUrl, "anvil_setNextBlockBaseFeePerGas", toHex(baseFee)).catch(() => {});
    await rpc(t.rpcUrl, "evm_setAutomine", true);
  }
}
