// A warehouse holds more than its stated capacity.
import { listWarehouses } from "@/lib/stock/warehouses";

import type { Detector } from "../detector";

export const warehouseOverCapacity: Detector = {
  name: "warehouse_over_capacity",
  alert: "system",
  rule: "A warehouse holds more coffee than its capacity.",
  threshold: "used > 100% of capacity",
  async detect({ db }) {
    const list = await listWarehouses(db);
    const over = list.filter((w) => Number(w.used_pct) > 100);
    return {
      figures: { warehouses: list.length, over_capacity: over.length },
      findings: over.map((w) => ({
        source: `warehouse:${w.code}`,
        severity: "high" as const,
        message: `Warehouse ${w.code} holds ${w.on_hand_kg} kg, ${w.used_pct}% of its ${w.capacity_kg} kg capacity.`,
        evidence: { warehouse: w.code, on_hand_kg: w.on_hand_kg, capacity_kg: w.capacity_kg, used_pct: w.used_pct },
      })),
    };
  },
};
