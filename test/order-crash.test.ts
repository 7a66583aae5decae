// Kills the real worker process (SIGKILL) while it ships orders, at points drawn from a printed seed
// (CRASH_SEED replays one): before it signs, once it has signed, once it has sent, a few milliseconds
// on. Then a worker runs to the end. Every order must be shipped exactly once: one shipment indexed
// per line, the buyer holding exactly what was ordered, one `shipped` movement each, no reservation lost.
import { inArray, sql } from "drizzle-orm";
import { toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { batchTokenAbi } from "@/lib/chain/abi";
import { devAccount } from "@/lib/chain/dev-accounts";
import { batches, shipments, warehouses } from "@/lib/db/schema";
import { indexToHead } from "@/lib/events/indexer";
import { actOnOrder, createOrder } from "@/lib/orders/orders";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { consignTo, mintBatch } from "@/scripts/lib/mint";
import { seededRandom } from "@/scripts/lib/random";

import { deployTestToken, indexerConfig, tokenHandle, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertBuyer } from "./helpers/factories";
import { ledgerDisagreements } from "./helpers/ledger";
import { exited, isAlive, sleep, startWorker as startWorkerOn } from "./helpers/worker";

let t: TestDb;
let chain: TestToken;
let buyerId: number;
const tokens: { id: number; tokenId: bigint }[] = [];
// Its own account (test/orders.test.ts ships from 11): its nonce counts this test's sends alone.
const shipper = devAccount(10);
// No key needed: the buyer only receives.
const buyerWallet = "0x00000000000000000000000000000000000b0b0e";
const template = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 5)[0];
const actor = { kind: "system", id: "crash-test" } as const;

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  await t.db.insert(warehouses).values({ code: "BIG-WH", name: "Big", country: "Belgium", capacityKg: "10000" });
  for (const code of ["SHIP-A", "SHIP-B"])
    await mintBatch(chain.target, chain.producer, {
      ...template,
      quantityKg: "100",
      metadata: { ...template.metadata, batch_code: code, warehouse: "Big" },
    });
  await consignTo(chain.target, [chain.producer], shipper.address);
  await indexToHead(indexerConfig(t.db, chain, 50));
  for (const b of await t.db.select().from(batches).orderBy(batches.id))
    tokens.push({ id: b.id, tokenId: BigInt(b.tokenId!) });
  buyerId = await insertBuyer(t.db, "Crash Roasters", buyerWallet);
});
afterAll(() => t.drop());

const startWorker = () => startWorkerOn(t.url, chain, { SHIPPER_PRIVATE_KEY: toHex(shipper.getHdKey().privateKey!) });

/** Where a kill lands: the shipment is still queued, has been signed, or has been sent. */
const phases = [sql`status = 'queued' and raw_tx is null`, sql`raw_tx is not null`, sql`status in ('sent', 'indexed')`];

async function shipOrder(grams: number, token: (typeof tokens)[number]) {
  const { id } = await createOrder(
    t.db,
    {
      buyer_id: buyerId,
      currency: "USD",
      confirm: true,
      lines: [{ batch_id: token.id, quantity_kg: (grams / 1000).toFixed(3), price_per_kg: "5.00" }],
    },
    { actor, userId: null, holdHours: 72 },
  );
  await actOnOrder(t.db, everything, id, "ship", {
    actor,
    deps: { holdHours: 72, chain: tokenHandle(chain), shipper: shipper.address },
  });
  return id;
}

describe("shipping under crashes", () => {
  it("a worker killed while it ships, again and again, ships each order exactly once", async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1_000_000));
    console.log(`order crash test: CRASH_SEED=${seed}`);
    const next = seededRandom(seed);
    const ordered = new Map<bigint, bigint>();
    const ids: number[] = [];
    let kills = 0;
    const landed: string[] = [];
    for (let round = 0; round < 8; round++) {
      const token = tokens[round % tokens.length];
      const grams = 1000 + round * 7;
      ids.push(await shipOrder(grams, token));
      ordered.set(token.tokenId, (ordered.get(token.tokenId) ?? 0n) + BigInt(grams));
      const phase = phases[Math.floor(next() * phases.length)];
      const worker = startWorker();
      const shipment = sql`order_line_id = (select id from order_lines where order_id = ${ids.at(-1)})`;
      for (let waited = 0; waited < 30_000 && isAlive(worker); waited += 2) {
        if ((await t.db.$count(shipments, sql`${shipment} and ${phase}`)) > 0) break;
        await sleep(2);
      }
      await sleep(Math.floor(next() * 10));
      if (!isAlive(worker)) continue;
      worker.kill("SIGKILL");
      await exited(worker);
      kills++;
      const [row] = await t.db.select().from(shipments).where(shipment);
      landed.push(row.status === "queued" && row.rawTx ? "signed" : row.status);
    }
    console.log(`order crash test: kills landed at ${landed.join(", ")} (CRASH_SEED=${seed})`);
    expect(kills, `CRASH_SEED=${seed}`).toBeGreaterThanOrEqual(6);

    // One worker to the end: every order shipped, or a minute passes.
    const worker = startWorker();
    const shipped = sql`(select count(*) from orders where id in ${ids} and status = 'shipped')`;
    for (let waited = 0; waited < 60_000; waited += 100) {
      const [{ n }] = (await t.db.execute<{ n: string }>(sql`select ${shipped}::text as n`)).rows;
      if (Number(n) === ids.length) break;
      await sleep(100);
    }
    worker.kill("SIGTERM");
    await exited(worker);

    const states = await t.db.execute<{ status: string }>(
      sql`select status from orders where id in ${ids} order by id`,
    );
    expect(
      states.rows.map((r) => r.status),
      `CRASH_SEED=${seed}`,
    ).toEqual(ids.map(() => "shipped"));
    const lines = await t.db
      .select({ status: shipments.status })
      .from(shipments)
      .where(inArray(shipments.orderLineId, sql`(select id from order_lines where order_id in ${ids})`));
    expect(
      lines.filter((s) => s.status !== "failed").map((s) => s.status),
      `CRASH_SEED=${seed}`,
    ).toEqual(ids.map(() => "indexed"));
    // Exactly what was ordered, never twice: on chain, in the ledger, and in the shipping wallet's nonce.
    for (const [tokenId, grams] of ordered)
      expect(
        await chain.client.readContract({
          address: chain.address,
          abi: batchTokenAbi,
          functionName: "balanceOf",
          args: [buyerWallet, tokenId],
        }),
        `CRASH_SEED=${seed}`,
      ).toBe(grams);
    const movements = await t.db.execute<{ n: string }>(
      sql`select count(*)::text as n from stock_movements where type = 'shipped'`,
    );
    expect(movements.rows[0].n).toBe(String(ids.length));
    expect(await chain.client.getTransactionCount({ address: shipper.address })).toBe(ids.length);
    const held = await t.db.execute<{ status: string }>(
      sql`select status from reservations where order_line_id in (select id from order_lines where order_id in ${ids}) order by id`,
    );
    expect(held.rows.map((r) => r.status)).toEqual(ids.map(() => "shipped"));
    expect(await ledgerDisagreements(t.db, chain.client, chain.address, [chain.producer.address, buyerWallet])).toEqual(
      [],
    );
  }, 300_000);
});
