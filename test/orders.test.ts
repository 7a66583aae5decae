// Orders against the real chain and database: reserving what is available and no more, releasing on
// cancel, expiring, shipping through the shipping wallet until the indexer marks the order shipped,
// and creation once per idempotency key.
import { eq, sql } from "drizzle-orm";
import { createPublicClient, custom } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { batchTokenAbi } from "@/lib/chain/abi";
import { batches, orders, reservations, stockMovements, warehouses } from "@/lib/db/schema";
import { indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { actOnOrder, createOrder, getOrder, listOrders } from "@/lib/orders/orders";
import { expireDue } from "@/lib/orders/reserve";
import { shipQueued, type Shipper } from "@/lib/orders/ship";
import type { TransitionDeps } from "@/lib/orders/transitions";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { consignTo, mintBatch } from "@/scripts/lib/mint";

import type { TestToken } from "./helpers/chain";
import type { TestDb } from "./helpers/db";
import { insertBuyer } from "./helpers/factories";
import { ledgerDisagreements } from "./helpers/ledger";
import { shipperAccount, startOrderStack } from "./helpers/order-stack";
import { refusal } from "./helpers/refusal";

let t: TestDb;
let chain: TestToken;
let config: IndexerConfig;
let buyerId: number;
const ids: Record<string, number> = {};
const template = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 5)[0];
const actor = { kind: "system", id: "test" } as const;
let deps: TransitionDeps;
let shipper: Shipper;

beforeAll(async () => {
  ({ t, chain, config, deps, shipper } = await startOrderStack());
  await t.db.insert(warehouses).values({ code: "BIG-WH", name: "Big", country: "Belgium", capacityKg: "10000" });
  for (const [code, kg] of [
    ["ORD-A", "100"],
    ["ORD-B", "50"],
  ])
    await mintBatch(chain.target, chain.producer, {
      ...template,
      quantityKg: kg,
      metadata: { ...template.metadata, batch_code: code, warehouse: "Big" },
    });
  // The producer consigns its stock to the shipping wallet.
  await consignTo(chain.target, [chain.producer], shipperAccount.address);
  await indexToHead(config);
  for (const b of await t.db.select().from(batches)) ids[b.batchCode] = b.id;
  buyerId = await insertBuyer(t.db, "Test Roasters", chain.stranger.address);
});
afterAll(() => t.drop());

const order = (lines: { batch: string; kg: string }[], extra: { confirm?: boolean; idempotency_key?: string } = {}) =>
  createOrder(
    t.db,
    {
      buyer_id: buyerId,
      currency: "USD",
      lines: lines.map((l) => ({ batch_id: ids[l.batch], quantity_kg: l.kg, price_per_kg: "7.25" })),
      ...extra,
    },
    { actor, userId: null, holdHours: 72 },
  );
const act = (id: number, action: Parameters<typeof actOnOrder>[3]) =>
  actOnOrder(t.db, everything, id, action, { actor, deps });
const availableKg = async (batch: string) => (await getOrderLineStock(batch)).available_kg;
async function getOrderLineStock(batch: string) {
  const { id } = await order([{ batch, kg: "0.001" }]);
  const o = await getOrder(t.db, everything, id);
  await act(id, "cancel");
  return o.lines[0].stock;
}
const bookings = (type: "reserved" | "released") => t.db.$count(stockMovements, eq(stockMovements.type, type));

describe("orders", () => {
  it("reserves what is available and refuses the rest with a 409 naming what is left, changing nothing", async () => {
    const first = await order([{ batch: "ORD-A", kg: "60" }], { confirm: true });
    expect((await getOrder(t.db, everything, first.id)).status).toBe("reserved");
    expect(await availableKg("ORD-A")).toBe("40.000");
    const before = await t.db.$count(orders);
    const error = await refusal(
      order(
        [
          { batch: "ORD-B", kg: "10" },
          { batch: "ORD-A", kg: "40.001" },
        ],
        { confirm: true },
      ),
    );
    expect(error.code).toBe("conflict");
    expect(error.details).toMatchObject({ batch_id: ids["ORD-A"], available_kg: "40.000", requested_kg: "40.001" });
    // Nothing of it stays: no order, no reservation of ORD-B.
    expect(await t.db.$count(orders)).toBe(before);
    expect(await availableKg("ORD-B")).toBe("50.000");
    await act(first.id, "cancel");
    expect(await availableKg("ORD-A")).toBe("100.000");
  });

  it("books each reservation and its release in the ledger, and moves no stock", async () => {
    const [reserved, released] = [await bookings("reserved"), await bookings("released")];
    const { id } = await order([{ batch: "ORD-B", kg: "5" }], { confirm: true });
    expect(await bookings("reserved")).toBe(reserved + 1);
    await act(id, "cancel");
    expect(await bookings("released")).toBe(released + 1);
    expect(await ledgerDisagreements(t.db, chain.client, chain.address, [chain.producer.address])).toEqual([]);
  });

  it("answers a transition that does not apply with 409 and the state it needs", async () => {
    const { id } = await order([{ batch: "ORD-B", kg: "1" }]);
    const error = await refusal(act(id, "deliver"));
    expect(error.code).toBe("conflict");
    expect(error.details).toEqual({ status: "draft", allowed_from: ["shipped"] });
    await act(id, "cancel");
    expect((await refusal(act(id, "confirm"))).code).toBe("conflict");
  });

  it("expires reservations past their time: the order is confirmed again and its stock free", async () => {
    const { id } = await order([{ batch: "ORD-B", kg: "30" }], { confirm: true });
    expect(await availableKg("ORD-B")).toBe("20.000");
    await t.db.execute(sql`update reservations set expires_at = now() - interval '1 second' where status = 'active'`);
    expect(await t.db.transaction((tx) => expireDue(tx))).toBe(1);
    const o = await getOrder(t.db, everything, id);
    expect(o.status).toBe("confirmed");
    expect(o.reservations.map((r) => r.status)).toEqual(["expired"]);
    expect(await availableKg("ORD-B")).toBe("50.000");
    await act(id, "reserve");
    expect(await availableKg("ORD-B")).toBe("20.000");
    await act(id, "cancel");
  });

  it("ships through the shipping wallet: the buyer holds the tokens and the order is shipped once indexed", async () => {
    const { id } = await order(
      [
        { batch: "ORD-A", kg: "12.5" },
        { batch: "ORD-B", kg: "2" },
      ],
      { confirm: true },
    );
    const queued = await act(id, "ship");
    expect(queued.status).toBe("reserved");
    expect(queued.shipments.map((s) => s.status)).toEqual(["queued", "queued"]);
    expect(queued.reservations.map((r) => r.status)).toEqual(["shipping", "shipping"]);
    expect(await shipQueued(t.db, shipper)).toBe(2);
    await indexToHead(config);
    const shipped = await getOrder(t.db, everything, id);
    expect(shipped.status).toBe("shipped");
    // Each line's amount to the cent (12.5 × 7.25 = 90.625 → 90.63), then summed.
    expect(shipped).toMatchObject({
      lines: [{ total: "90.63" }, { total: "14.50" }],
      quantity_kg: "14.500",
      total: "105.13",
    });
    expect((await listOrders(t.db, everything, { limit: 50, status: ["shipped"] })).data).toEqual([
      expect.objectContaining({ id, lines: 2, quantity_kg: "14.500", total: "105.13", buyer: "Test Roasters" }),
    ]);
    expect(shipped.shipments.map((s) => s.status)).toEqual(["indexed", "indexed"]);
    expect(shipped.reservations.map((r) => r.status)).toEqual(["shipped", "shipped"]);
    const balance = (tokenId: string) =>
      chain.client.readContract({
        address: chain.address,
        abi: batchTokenAbi,
        functionName: "balanceOf",
        args: [chain.stranger.address, BigInt(tokenId)],
      });
    const [a] = await t.db.select().from(batches).where(eq(batches.id, ids["ORD-A"]));
    expect(await balance(a.tokenId!)).toBe(12_500n);
    expect(shipped.lines.map((l) => l.in_buyer_wallet_kg)).toEqual(["12.500", "2.000"]);
    // What the buyer holds is no longer for sale.
    expect(await availableKg("ORD-A")).toBe("87.500");
    expect(await t.db.$count(stockMovements, eq(stockMovements.type, "shipped"))).toBe(2);
    expect(
      await ledgerDisagreements(t.db, chain.client, chain.address, [chain.producer.address, chain.stranger.address]),
    ).toEqual([]);
    expect((await act(id, "deliver")).status).toBe("delivered");
    expect((await act(id, "refund")).status).toBe("refunded");
  });

  it("sends a shipment signed before a crash as the very same transaction, never a second one", async () => {
    const { id } = await order([{ batch: "ORD-B", kg: "3" }], { confirm: true });
    await act(id, "ship");
    // The node goes away just as the transaction would be sent: it is signed and recorded, not sent.
    const unreachable = createPublicClient({
      chain: chain.client.chain,
      transport: custom({
        request: ({ method, params }) =>
          method === "eth_sendRawTransaction"
            ? Promise.reject(new Error("connection refused"))
            : chain.client.request({ method, params } as never),
      }),
    });
    await expect(shipQueued(t.db, { ...shipper, client: unreachable as typeof chain.client })).rejects.toThrow();
    const [signed] = (await getOrder(t.db, everything, id)).shipments;
    expect(signed).toMatchObject({ status: "queued", tx_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    const nonce = await chain.client.getTransactionCount({ address: shipperAccount.address });
    await shipQueued(t.db, shipper);
    await indexToHead(config);
    const shipped = await getOrder(t.db, everything, id);
    expect(shipped.status).toBe("shipped");
    expect(shipped.shipments).toEqual([expect.objectContaining({ status: "indexed", tx_hash: signed.tx_hash })]);
    expect(await chain.client.getTransactionCount({ address: shipperAccount.address })).toBe(nonce + 1);
  });

  it("creates one order per idempotency key, and refuses the key with a different order", async () => {
    const key = "retry-me-0001";
    const first = await order([{ batch: "ORD-B", kg: "1" }], { idempotency_key: key });
    const again = await order([{ batch: "ORD-B", kg: "1" }], { idempotency_key: key });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const error = await refusal(order([{ batch: "ORD-B", kg: "2" }], { idempotency_key: key }));
    expect(error.code).toBe("conflict");
    await act(first.id, "cancel");
  });

  it("refuses to reserve an expired batch", async () => {
    await t.db.update(batches).set({ status: "expired" }).where(eq(batches.id, ids["ORD-B"]));
    const error = await refusal(order([{ batch: "ORD-B", kg: "1" }], { confirm: true }));
    expect(error.code).toBe("rule_broken");
    expect(error.message).toMatch(/ORD-B is expired/);
    await t.db.update(batches).set({ status: "active" }).where(eq(batches.id, ids["ORD-B"]));
    expect(await t.db.$count(reservations, eq(reservations.status, "active"))).toBe(0);
  });
});
