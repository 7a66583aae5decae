// An order delivered to the demo roaster (Nordic Roasting Co., whose wallet lets the shipping wallet
// take returns back), made through the API as an operator: for returns to be requested against.
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

type Batch = { id: number; batch_code: string; available_kg: string | null; expiry_date: string };

/**
 * Orders `kg` of a batch at least 60 days from expiry (so returned coffee can be resold) at a low
 * price (so reselling it recovers more than sending it back), confirms, ships and delivers it.
 */
export async function deliverOrder(api: APIRequestContext, kg = "2.000") {
  const buyers = (await (await api.get("/api/buyers")).json()) as { data: { id: number; name: string }[] };
  const buyer = buyers.data.find((b) => b.name === "Nordic Roasting Co.")!;
  expect(buyer, "the demo roaster").toBeTruthy();
  const cutoff = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const listed = await api.get("/api/batches?status=active,verified&sort=expiry_date&order=desc&limit=100");
  expect(listed.status()).toBe(200);
  const batch = ((await listed.json()) as { data: Batch[] }).data.find(
    (b) => b.expiry_date >= cutoff && Number(b.available_kg ?? 0) >= Number(kg),
  )!;
  expect(batch, `a batch with ${kg} kg available and 60 days to expiry`).toBeTruthy();
  const made = await api.post("/api/orders", {
    data: {
      buyer_id: buyer.id,
      currency: "USD",
      lines: [{ batch_id: batch.id, quantity_kg: kg, price_per_kg: "2.00" }],
      idempotency_key: randomUUID(),
      confirm: true,
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const order = (await made.json()) as { id: number; status: string; lines: { id: number }[] };
  expect(order.status).toBe("reserved");
  const shipped = await api.post(`/api/orders/${order.id}/ship`, { data: {} });
  expect(shipped.status(), await shipped.text()).toBe(200);
  await expect
    .poll(async () => ((await (await api.get(`/api/orders/${order.id}`)).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe("shipped");
  const delivered = await api.post(`/api/orders/${order.id}/deliver`, { data: {} });
  expect(delivered.status(), await delivered.text()).toBe(200);
  return { orderId: order.id, lineId: order.lines[0].id, batch };
}

/** An active warehouse with room for `kg` more, to receive returns at (the fuzz leaves inactive and full ones behind). */
export async function roomyWarehouse(api: APIRequestContext, kg = 10): Promise<string> {
  const listed = (await (await api.get("/api/warehouses")).json()) as {
    data: { code: string; is_active: boolean; capacity_kg: string; on_hand_kg: string }[];
  };
  const warehouse = listed.data.find((w) => w.is_active && Number(w.capacity_kg) - Number(w.on_hand_kg) >= kg);
  expect(warehouse, "an active warehouse with room").toBeTruthy();
  return warehouse!.code;
}
