// Returns against the real chain and database: requests never add up past what a line shipped (also
// when they arrive at once), an order not delivered has nothing to return, and each decision's
// effect on the ledger and the chain is exactly the returned quantity.
import { and, eq, sql } from "drizzle-orm";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { stockFigures } from "@/lib/batches/stock";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { Tx } from "@/lib/db";
import { batches, returns, shipments, stockMovements, warehouses } from "@/lib/db/schema";
import { indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { actOnOrder, createOrder, getOrder } from "@/lib/orders/orders";
import { shipQueued, type Shipper } from "@/lib/orders/ship";
import type { TransitionDeps } from "@/lib/orders/transitions";
import { returnAnalytics } from "@/lib/returns/analytics";
import { decide, inspect, receive, reject } from "@/lib/returns/flow";
import { actOnReturn, createReturn, getReturn } from "@/lib/returns/returns";
import type { Decision, Inspection } from "@/lib/returns/schemas";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { consignTo, mintBatch } from "@/scripts/lib/mint";

import type { TestToken } from "./helpers/chain";
import type { TestDb } from "./helpers/db";
import { insertBuyer, specialtyCheck } from "./helpers/factories";
import { ledgerDisagreements } from "./helpers/ledger";
import { shipperAccount, startOrderStack } from "./helpers/order-stack";
import { refusal } from "./helpers/refusal";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
let buyerId: number;
let deps: TransitionDeps;
let shipper: Shipper;
const template = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 5)[0];
const actor = { kind: "system", id: "test" } as const;
const by = { actor, userId: null };
const ids: Record<string, number> = {};
const tokens: Record<string, bigint> = {};

/** Specialty coffee, as inspected. */
const specialty: Inspection = { ...specialtyCheck, contaminated: false };

beforeAll(async () => {
  ({ t, chain, config, deps, shipper } = await startOrderStack());
  await t.db.insert(warehouses).values([
    { code: "BIG-WH", name: "Big", country: "Belgium", capacityKg: "10000" },
    { code: "RET-WH", name: "Returns", country: "Belgium", capacityKg: "100" },
  ]);
  for (const code of ["RET-A", "RET-B"])
    await mintBatch(chain.target, chain.producer, {
      ...template,
      // Far enough from expiry to be sold again.
      expiryDate: "2027-06-30",
      quantityKg: "100",
      metadata: { ...template.metadata, batch_code: code, warehouse: "Big" },
    });
  // The producer consigns its stock to the shipping wallet; the buyer lets it take returns back.
  await consignTo(chain.target, [chain.producer, chain.stranger], shipperAccount.address);
  await indexToHead(config);
  for (const b of await t.db.select().from(batches))
    [ids[b.batchCode], tokens[b.batchCode]] = [b.id, BigInt(b.tokenId!)];
  await t.db.update(batches).set({ qualityGrade: "specialty" });
  buyerId = await insertBuyer(t.db, "Return Roasters", chain.stranger.address);
});
afterAll(() => t.drop());

/** An order of `kg` of the batch at 7.25 a kg, shipped and indexed, and delivered unless told otherwise. */
async function shippedLine(batch: string, kg: string, delivered = true): Promise<{ orderId: number; lineId: number }> {
  const { id } = await createOrder(
    t.db,
    {
      buyer_id: buyerId,
      currency: "USD",
      lines: [{ batch_id: ids[batch], quantity_kg: kg, price_per_kg: "7.25" }],
      confirm: true,
    },
    { actor, userId: null, holdHours: 72 },
  );
  await actOnOrder(t.db, everything, id, "ship", { actor, deps });
  await shipQueued(t.db, shipper);
  await indexToHead(config);
  if (delivered) await actOnOrder(t.db, everything, id, "deliver", { actor, deps });
  return { orderId: id, lineId: (await getOrder(t.db, everything, id)).lines[0].id };
}

const request = (lineId: number, kg: string, reason: Parameters<typeof createReturn>[2]["reason"] = "wrong_lot") =>
  createReturn(t.db, everything, { order_line_id: lineId, quantity_kg: kg, reason }, [], by);
const step = (id: number, run: (tx: Tx, ret: typeof returns.$inferSelect) => Promise<void>) =>
  actOnReturn(t.db, everything, id, run);

const balance = (holder: Address, batch: string) =>
  chain.client.readContract({
    address: chain.address,
    abi: batchTokenAbi,
    functionName: "balanceOf",
    args: [holder, tokens[batch]],
  });
const movements = (type: "returned" | "redeemed" | "transferred", batch: string) =>
  t.db
    .select({
      quantity: stockMovements.quantity,
      from: stockMovements.fromHolder,
      to: stockMovements.toHolder,
      toWarehouse: stockMovements.toWarehouse,
    })
    .from(stockMovements)
    .where(and(eq(stockMovements.type, type), eq(stockMovements.tokenId, tokens[batch].toString())));
const onHand = async (batch: string) => (await t.db.select().from(batches).where(eq(batches.id, ids[batch])))[0].onHand;

/** Requests, receives at RET-WH (the shipping wallet sends, the indexer books it) and inspects a return. */
async function inspected(lineId: number, kg: string, reason: Parameters<typeof request>[2], check: Inspection) {
  const id = await request(lineId, kg, reason);
  await step(id, (tx, r) => receive(tx, r, "RET-WH", actor, deps));
  await shipQueued(t.db, shipper);
  await indexToHead(config);
  expect((await getReturn(t.db, everything, id)).status).toBe("received");
  return step(id, (tx, r) => inspect(tx, r, check, actor));
}
const decided = async (id: number, d: Decision) => {
  const ret = await step(id, (tx, r) => decide(tx, r, d, by, deps));
  await shipQueued(t.db, shipper);
  await indexToHead(config);
  return { decided: ret, after: await getReturn(t.db, everything, id) };
};

describe("returns", () => {
  it("refuses a return on an order not yet delivered, and one above what was shipped, changing nothing", async () => {
    const pending = await shippedLine("RET-A", "5", false);
    const before = await t.db.$count(returns);
    const early = await refusal(request(pending.lineId, "1"));
    expect(early.code).toBe("conflict");
    expect(early.message).toBe(`Order ${pending.orderId} is shipped: only a delivered order's lines can be returned.`);
    await actOnOrder(t.db, everything, pending.orderId, "deliver", { actor, deps });
    const over = await refusal(request(pending.lineId, "5.001"));
    expect(over.code).toBe("rule_broken");
    expect(over.details).toEqual({ shipped_kg: "5.000", returned_kg: "0.000", returnable_kg: "5.000" });
    await request(pending.lineId, "2");
    const again = await refusal(request(pending.lineId, "3.001"));
    expect(again.message).toMatch(/at most 3\.000 kg more can be returned, not 3\.001 kg/);
    expect(await t.db.$count(returns)).toBe(before + 1);
  });

  it("never returns more than shipped when requests arrive at once; a rejected one frees its kilograms", async () => {
    const { lineId } = await shippedLine("RET-B", "6");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => request(lineId, "0.5")));
    const made = results
      .filter((r) => r.status === "fulfilled")
      .map((r) => (r as PromiseFulfilledResult<number>).value);
    expect(made).toHaveLength(12);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "rule_broken",
        details: { returnable_kg: "0.000" },
      });
    const [sum] = await t.db
      .select({ g: sql<string>`sum(quantity)::text` })
      .from(returns)
      .where(eq(returns.orderLineId, lineId));
    expect(sum.g).toBe("6000");
    await step(made[0], (tx, r) => reject(tx, r, "Not ours", actor));
    await request(lineId, "0.5");
    expect((await refusal(request(lineId, "0.001"))).details).toMatchObject({ returnable_kg: "0.000" });
  });

  it("takes a return back into the warehouse: the ledger books exactly that quantity as returned", async () => {
    const { lineId } = await shippedLine("RET-A", "10");
    const buyerBefore = await balance(chain.stranger.address, "RET-A");
    const id = await request(lineId, "4.25");
    const receiving = await step(id, (tx, r) => receive(tx, r, "RET-WH", actor, deps));
    expect(receiving).toMatchObject({
      status: "receiving",
      warehouse: "RET-WH",
      transactions: [{ purpose: "intake", status: "queued" }],
    });
    await shipQueued(t.db, shipper);
    await indexToHead(config);
    const received = await getReturn(t.db, everything, id);
    expect(received.status).toBe("received");
    expect(await balance(chain.stranger.address, "RET-A")).toBe(buyerBefore - 4_250n);
    expect(await movements("returned", "RET-A")).toEqual([
      {
        quantity: "4250",
        from: chain.stranger.address.toLowerCase(),
        to: shipperAccount.address.toLowerCase(),
        toWarehouse: "RET-WH",
      },
    ]);
    // Received twice is refused, and a warehouse without room refuses the intake.
    expect((await refusal(step(id, (tx, r) => receive(tx, r, "RET-WH", actor, deps)))).code).toBe("conflict");
    const big = await request(lineId, "5");
    await t.db.update(warehouses).set({ capacityKg: "5" }).where(eq(warehouses.code, "RET-WH"));
    expect((await refusal(step(big, (tx, r) => receive(tx, r, "RET-WH", actor, deps)))).message).toMatch(/capacity/);
    await t.db.update(warehouses).set({ capacityKg: "100" }).where(eq(warehouses.code, "RET-WH"));
    expect((await getReturn(t.db, everything, big)).status).toBe("requested");
  });

  it("resells the wrong lot when it meets its grade: for sale again only once decided; the refund recorded on the order", async () => {
    const { orderId, lineId } = await shippedLine("RET-A", "3");
    const forSale = async () => (await stockFigures(t.db, [ids["RET-A"]])).get(ids["RET-A"])!.for_sale;
    const before = await forSale();
    const ret = await inspected(lineId, "2", "wrong_lot", specialty);
    // Received and inspected, it is on hand in the shipping wallet but not for sale until decided.
    expect(await forSale()).toBe(before);
    expect(ret.grade).toBe("specialty");
    expect(ret.recommendation).toMatchObject({ option: "resell" });
    const held = await balance(shipperAccount.address, "RET-A");
    const { decided: done } = await decided(ret.id, { disposition: "resell", settlement: "refund" });
    expect(done).toMatchObject({
      status: "closed",
      disposition: "resell",
      overridden: false,
      refund: "14.50",
      transactions: [{ purpose: "intake" }],
    });
    expect(await balance(shipperAccount.address, "RET-A")).toBe(held);
    expect(await forSale()).toBe(before + 2_000n);
    const history = (await getOrder(t.db, everything, orderId)).history;
    expect(history.find((h) => h.action === "order.return_refunded")?.after).toMatchObject({
      return_id: ret.id,
      refund: "14.50",
      currency: "USD",
      quantity_kg: "2.000",
    });
  });

  it("destroys contaminated coffee by redemption: exactly the returned grams leave the shipping wallet and the stock on hand", async () => {
    const { lineId } = await shippedLine("RET-B", "8");
    const ret = await inspected(lineId, "1.5", "contamination", { ...specialty, contaminated: true });
    expect(ret.recommendation).toMatchObject({ option: "destroy", confidence: 0.95 });
    // Reselling contaminated coffee is not an option, even with a note; nothing changes.
    const refused = await refusal(
      step(ret.id, (tx, r) =>
        decide(tx, r, { disposition: "resell", note: "Looks fine", settlement: "refund" }, by, deps),
      ),
    );
    expect(refused.code).toBe("rule_broken");
    expect((await getReturn(t.db, everything, ret.id)).status).toBe("inspected");
    const [held, stock, redeemed] = [
      await balance(shipperAccount.address, "RET-B"),
      await onHand("RET-B"),
      await movements("redeemed", "RET-B"),
    ];
    const { decided: deciding, after } = await decided(ret.id, { disposition: "destroy", settlement: "replacement" });
    expect(deciding.status).toBe("deciding");
    expect(after).toMatchObject({ status: "closed", disposition: "destroy", refund: null, settlement: "replacement" });
    expect(await balance(shipperAccount.address, "RET-B")).toBe(held - 1_500n);
    expect(BigInt((await onHand("RET-B"))!)).toBe(BigInt(stock!) - 1_500n);
    expect((await movements("redeemed", "RET-B")).length).toBe(redeemed.length + 1);
    expect((await movements("redeemed", "RET-B")).at(-1)).toMatchObject({
      quantity: "1500",
      from: shipperAccount.address.toLowerCase(),
      to: null,
    });
  });

  it("sends coffee below its contract back to the producer, and an override needs a note", async () => {
    const { lineId } = await shippedLine("RET-A", "4");
    // Two primary defects hold it at premium, below the specialty contract.
    const ret = await inspected(lineId, "3", "quality_below_contract", { ...specialty, primary_defects: 2 });
    expect(ret.grade).toBe("premium");
    expect(ret.recommendation).toMatchObject({ option: "return_to_producer" });
    const noNote = await refusal(
      step(ret.id, (tx, r) => decide(tx, r, { disposition: "downgrade", settlement: "refund" }, by, deps)),
    );
    expect(noNote.message).toMatch(/^note: say why you decide downgrade over the recommended return to producer/);
    const [producer, transferred] = [
      await balance(chain.producer.address, "RET-A"),
      await movements("transferred", "RET-A"),
    ];
    const { after } = await decided(ret.id, { disposition: "return_to_producer", settlement: "refund" });
    expect(after).toMatchObject({
      status: "closed",
      refund: "21.75",
      transactions: [{ purpose: "intake" }, { purpose: "disposal", status: "indexed" }],
    });
    expect(await balance(chain.producer.address, "RET-A")).toBe(producer + 3_000n);
    expect((await movements("transferred", "RET-A")).slice(transferred.length)).toEqual([
      {
        quantity: "3000",
        from: shipperAccount.address.toLowerCase(),
        to: chain.producer.address.toLowerCase(),
        toWarehouse: "RET-WH",
      },
    ]);
  });

  it("blends as recommended, or downgrades by override with a note: no transaction, the coffee for sale again", async () => {
    const { lineId } = await shippedLine("RET-B", "4");
    const forSale = async () => (await stockFigures(t.db, [ids["RET-B"]])).get(ids["RET-B"])!.for_sale;
    // Damaged in transit (not the producer's to answer for), premium on a specialty contract: blending recovers the most.
    const damaged = { ...specialty, primary_defects: 2 };
    for (const [disposition, note] of [
      ["blend", undefined],
      ["downgrade", "Our roaster wants it"],
    ] as const) {
      const ret = await inspected(lineId, "1", "transit_damage", damaged);
      expect(ret.recommendation?.option).toBe("blend");
      const [before, sent] = [await forSale(), await t.db.$count(shipments)];
      const { after } = await decided(ret.id, { disposition, note, settlement: "none" });
      const option = ret.recommendation!.options.find((o) => o.option === disposition)!;
      expect(after).toMatchObject({
        status: "closed",
        disposition,
        overridden: note !== undefined,
        recovery_value: option.recovery_value,
        refund: null,
      });
      expect(after.history.at(-1)?.action).toBe(note ? "return.overridden" : "return.accepted");
      expect(await t.db.$count(shipments)).toBe(sent);
      expect(await forSale()).toBe(before + 1_000n);
    }
  });

  it("counts every return not rejected in the analytics, against what shipped", async () => {
    const { rows } = await t.db.execute<{ n: number; g: string; decided: number; shipped: string }>(sql`
      select (select count(*)::int from returns where status <> 'rejected') as n,
        (select sum(quantity)::text from returns where status <> 'rejected') as g,
        (select count(*)::int from returns where disposition is not null) as decided,
        (select sum(l.quantity)::text from order_lines l join orders o on o.id = l.order_id
          where o.status in ('shipped', 'delivered', 'refunded')) as shipped`);
    const [{ n, g, decided, shipped }] = rows;
    const kg = (grams: string) => (Number(grams) / 1000).toFixed(3);
    const a = await returnAnalytics(t.db, everything);
    expect(a.by_reason.reduce((sum, r) => sum + r.returns, 0)).toBe(n);
    // Every test batch is Rwandan, stored at BIG-WH before it shipped.
    const rate = { value: "Rwanda", shipped_kg: kg(shipped), returned_kg: kg(g), returns: n };
    expect(a.by_origin).toEqual([expect.objectContaining(rate)]);
    expect(a.by_warehouse).toEqual([expect.objectContaining({ ...rate, value: "BIG-WH" })]);
    expect(a.by_origin[0].rate_pct).toBe(((Number(g) / Number(shipped)) * 100).toFixed(2));
    expect(a.recovery).toEqual([expect.objectContaining({ currency: "USD", decided })]);
    expect(a.decision_hours.decided).toBe(decided);
    // None of it is another buyer's.
    expect((await returnAnalytics(t.db, { kind: "organisation", organisationId: buyerId + 1000 })).by_reason).toEqual(
      [],
    );
  });

  it("keeps the ledger equal to the chain throughout", async () => {
    expect(await t.db.$count(shipments, eq(shipments.status, "failed"))).toBe(0);
    expect(
      await ledgerDisagreements(t.db, chain.client, chain.address, [
        chain.producer.address,
        chain.stranger.address,
        shipperAccount.address,
      ]),
    ).toEqual([]);
  });
});
