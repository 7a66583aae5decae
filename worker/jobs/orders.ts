// Orders: reservations past their time expire, and queued shipments are sent (lib/orders/ship.ts),
// every two seconds; after a crash the next tick sends the very transaction it had signed.
import { expireDue } from "@/lib/orders/reserve";
import { shipQueued } from "@/lib/orders/ship";

import { timer } from "../job";

export const orders = timer({
  name: "orders",
  summary: "expires reservations past their time and sends orders' shipments",
  everyMs: 2_000,
  async handle({ db, shipper }) {
    const expired = await db.transaction((tx) => expireDue(tx));
    if (expired > 0) console.log(`[worker] ${expired} order(s) had their reservations expire`);
    if (!shipper) return;
    const sent = await shipQueued(db, shipper);
    if (sent > 0) console.log(`[worker] sent ${sent} shipment(s)`);
  },
});
