// Orders through the HTTP API (issue 18): a hundred clients, each with its own connections, try at once
// to reserve more of one batch than it holds; the sum reserved never passes what is available, every
// refusal is a 409 naming what is left, and the ledger books each reservation and release once. Again
// while reservations expire under them; and a retried creation makes one order.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { gramsToKg } from "@/lib/chain/units";
import type { OrderJson } from "@/lib/orders/orders";

import { query } from "./db";
import { stack, storageStateFor } from "./stack";

const baseURL = `http://127.0.0.1:${stack.port}`;
const clients = 100;

type Refusal = { error: { code: string; message: string; details: { available_kg: string; requested_kg: string } } };

/** An active demo batch no order has touched yet, the newest first, with what it has available. */
async function freshBatch(): Promise<{ id: number; available: bigint }> {
  const [row] = await query<{ id: string }>(`
    select b.id from batches b where b.status in ('active', 'verified') and b.expiry_date > current_date + 30
      and batch_sellable(b.id, null) >= 10000
      and not exists (select 1 from order_lines l where l.batch_id = b.id)
    order by b.id desc limit 1`);
  expect(row, "a demo batch for sale that no order has touched").toBeTruthy();
  return { id: Number(row.id), available: await available(Number(row.id)) };
}

async function available(batchId: number): Promise<bigint> {
  const [row] = await query<{ grams: string }>(
    "select greatest(batch_sellable($1, null) - batch_reserved($1, null), 0)::text as grams",
    [batchId],
  );
  return BigInt(row.grams);
}

const buyerId = async () =>
  Number((await query<{ id: string }>("select id from organisations where name = 'Nordic Roasting Co.'"))[0].id);

/** Each client its own request context: its own connections, as separate programs would have. */
async function operators(n: number): Promise<APIRequestContext[]> {
  return Promise.all(
    Array.from({ length: n }, () =>
      playwrightRequest.newContext({ baseURL, storageState: storageStateFor("operator") }),
    ),
  );
}

/** What the ledger and the reservations say of the batch: held grams, and bookings that do not pair up. */
async function ledgerOf(batchId: number) {
  const [row] = await query<{ held: string; unbooked: string; unreleased: string; twice: string }>(
    `select
      (select coalesce(sum(quantity), 0) from reservations where batch_id = $1 and status in ('active', 'shipping'))::text as held,
      (select count(*) from reservations r where r.batch_id = $1
        and not exists (select 1 from stock_movements m where m.reservation_id = r.id and m.type = 'reserved' and m.quantity = r.quantity))::text as unbooked,
      (select count(*) from reservations r where r.batch_id = $1 and r.status in ('released', 'expired')
        and not exists (select 1 from stock_movements m where m.reservation_id = r.id and m.type = 'released'))::text as unreleased,
      (select count(*) from (select reservation_id, type from stock_movements where reservation_id in (select id from reservations where batch_id = $1)
        group by 1, 2 having count(*) > 1) d)::text as twice`,
    [batchId],
  );
  return {
    held: BigInt(row.held),
    unbooked: Number(row.unbooked),
    unreleased: Number(row.unreleased),
    twice: Number(row.twice),
  };
}

async function cancelAll(api: APIRequestContext, ids: number[]) {
  for (const id of ids) expect((await api.post(`/api/orders/${id}/cancel`, { data: {} })).status()).toBe(200);
}

test.describe("orders under concurrency", () => {
  test.describe.configure({ timeout: 180_000 });
  let apis: APIRequestContext[];
  test.beforeAll(async () => {
    apis = await operators(clients);
  });
  test.afterAll(async () => {
    await Promise.all(apis.map((a) => a.dispose()));
  });

  test("a hundred clients at once never reserve more than the batch has, and each refusal names what is left", async () => {
    const batch = await freshBatch();
    // Each asks for a fortieth of what is available (to the gram, rounded up): about forty fit, sixty do not.
    const each = (batch.available + 39n) / 40n;
    const fits = batch.available / each;
    const buyer = await buyerId();
    const answers = await Promise.all(
      apis.map((api) =>
        api.post("/api/orders", {
          data: {
            buyer_id: buyer,
            confirm: true,
            lines: [{ batch_id: batch.id, quantity_kg: gramsToKg(each), price_per_kg: "6.40" }],
          },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status());
    expect(
      statuses.filter((s) => s !== 201 && s !== 409),
      "only reservations and refusals",
    ).toEqual([]);
    const made = await Promise.all(
      answers.filter((a) => a.status() === 201).map(async (a) => (await a.json()) as OrderJson),
    );
    // Served one at a time: exactly as many as fit, never one more.
    expect(BigInt(made.length)).toBe(fits);
    expect(made.every((o) => o.status === "reserved")).toBe(true);
    const left = gramsToKg(batch.available - fits * each);
    for (const a of answers.filter((r) => r.status() === 409)) {
      const body = (await a.json()) as Refusal;
      expect(body.error.code).toBe("conflict");
      expect(body.error.details).toMatchObject({ available_kg: left, requested_kg: gramsToKg(each) });
      expect(body.error.message).toContain(`${left} kg available`);
    }
    const ledger = await ledgerOf(batch.id);
    expect(ledger).toEqual({ held: fits * each, unbooked: 0, unreleased: 0, twice: 0 });
    expect(await available(batch.id)).toBe(batch.available - fits * each);
    // The batch's own figures say the same.
    const shown = (await (await apis[0].get(`/api/batches/${batch.id}`)).json()) as {
      reserved_kg: string;
      available_kg: string;
    };
    expect(shown).toMatchObject({ reserved_kg: gramsToKg(fits * each), available_kg: left });
    await cancelAll(
      apis[0],
      made.map((o) => o.id),
    );
    expect(await ledgerOf(batch.id)).toEqual({ held: 0n, unbooked: 0, unreleased: 0, twice: 0 });
    expect(await available(batch.id)).toBe(batch.available);
  });

  test("with reservations expiring while new ones arrive, what is held never passes what is for sale", async () => {
    const batch = await freshBatch();
    const each = (batch.available + 19n) / 20n;
    const buyer = await buyerId();
    const order = (api: APIRequestContext) =>
      api.post("/api/orders", {
        data: {
          buyer_id: buyer,
          confirm: true,
          lines: [{ batch_id: batch.id, quantity_kg: gramsToKg(each), price_per_kg: "6.40" }],
        },
      });
    // Fill the batch, then let every reservation run out at once.
    const first = await Promise.all(apis.slice(0, 30).map(order));
    const firstIds = await Promise.all(
      first.filter((a) => a.status() === 201).map(async (a) => ((await a.json()) as OrderJson).id),
    );
    expect(BigInt(firstIds.length)).toBe(batch.available / each);
    await query("update reservations set expires_at = now() where batch_id = $1 and status = 'active'", [batch.id]);
    // A watcher checks, over and over while the next hundred arrive, that what is held fits in what is for sale.
    let watching = true;
    const overs: string[] = [];
    const watcher = (async () => {
      while (watching) {
        const [row] = await query<{ held: string; for_sale: string }>(
          "select batch_reserved($1, null)::text as held, batch_sellable($1, null)::text as for_sale",
          [batch.id],
        );
        if (BigInt(row.held) > BigInt(row.for_sale)) overs.push(`${row.held} > ${row.for_sale}`);
      }
    })();
    const second = await Promise.all(apis.map(order));
    watching = false;
    await watcher;
    expect(overs).toEqual([]);
    expect(second.map((a) => a.status()).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const secondIds = await Promise.all(
      second.filter((a) => a.status() === 201).map(async (a) => ((await a.json()) as OrderJson).id),
    );
    // The expired ones made room for as many new ones as fit, and no more.
    expect(BigInt(secondIds.length)).toBe(batch.available / each);
    const states = await query<{ status: string; n: string }>(
      "select o.status, count(*)::text as n from orders o where o.id = any($1::bigint[]) group by 1",
      [firstIds],
    );
    expect(states).toEqual([{ status: "confirmed", n: String(firstIds.length) }]);
    const ledger = await ledgerOf(batch.id);
    expect(ledger).toEqual({ held: BigInt(secondIds.length) * each, unbooked: 0, unreleased: 0, twice: 0 });
    await cancelAll(apis[0], [...firstIds, ...secondIds]);
    expect(await ledgerOf(batch.id)).toEqual({ held: 0n, unbooked: 0, unreleased: 0, twice: 0 });
  });

  test("a creation retried with the same idempotency key makes one order and answers it each time", async () => {
    const batch = await freshBatch();
    const data = {
      buyer_id: await buyerId(),
      idempotency_key: `e2e-retry-${batch.id}`,
      lines: [{ batch_id: batch.id, quantity_kg: "1.5", price_per_kg: "6.40" }],
    };
    const answers = await Promise.all(apis.slice(0, 5).map((api) => api.post("/api/orders", { data })));
    const bodies = await Promise.all(answers.map(async (a) => (await a.json()) as OrderJson));
    expect(answers.map((a) => a.status()).sort(), JSON.stringify(bodies[0])).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    const again = await apis[0].post("/api/orders", { data });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as OrderJson).id).toBe(bodies[0].id);
    const [{ n }] = await query<{ n: string }>("select count(*)::text as n from orders where idempotency_key = $1", [
      data.idempotency_key,
    ]);
    expect(n).toBe("1");
    const reused = await apis[0].post("/api/orders", {
      data: { ...data, lines: [{ ...data.lines[0], quantity_kg: "2" }] },
    });
    expect(reused.status()).toBe(409);
    expect(((await reused.json()) as Refusal).error.message).toContain("idempotency_key");
    await cancelAll(apis[0], [bodies[0].id]);
  });
});
