// Realistic green-coffee batches, generated from a fixed seed so every fresh stack looks the same.
import type { BatchMetadata } from "../../lib/batches/metadata";
import originList from "./demo-origins.json" with { type: "json" };
import { demoWarehouses } from "./demo-warehouses";
import { seededRandom } from "./random";

type Origin = {
  country: string;
  code: string;
  regions: string[];
  farms: string[];
  cooperatives: string[];
  varieties: string[];
  processes: NonNullable<BatchMetadata["process"]>[];
  altitude: [number, number];
  bagKg: number;
  price: [number, number];
  harvestMonth: number;
};

/** The coffee origins the demo draws from (demo-origins.json): where, who grows it, how, and for how much. */
export const origins = originList as Origin[];

/** The names of scripts/lib/demo-warehouses.ts's warehouses, which batches' metadata carries. */
export const warehouses = demoWarehouses.map((w) => w.name);

export type DemoState = "active" | "verified" | "expired" | "redeemed";

export type DemoBatch = {
  metadata: BatchMetadata;
  quantityKg: string;
  pricePerKg: string;
  productionDate: string;
  expiryDate: string;
  state: DemoState;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** `count` batches harvested over the two years before `today`; some past their expiry. */
export function demoBatches(count: number, today: Date, seed = 2026): DemoBatch[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const serials = new Map<string, number>();

  return Array.from({ length: count }, () => {
    const o = pick(origins);
    // Harvested at least 100 days ago, so milling (30–100 days) is always done by today.
    const harvest = addDays(today, -Math.floor(between(100, 600)));
    const production = addDays(harvest, Math.floor(between(30, 100)));
    const expiry = addDays(production, Math.floor(between(360, 540)));
    const year = harvest.getUTCFullYear();
    const serial = (serials.get(`${o.code}${year}`) ?? 0) + 1;
    serials.set(`${o.code}${year}`, serial);
    const region = pick(o.regions);
    const bags = Math.floor(between(8, 320));
    const isExpired = expiry < today;
    const roll = rand();
    const state: DemoState = isExpired
      ? roll < 0.7
        ? "expired"
        : "redeemed"
      : roll < 0.3
        ? "verified"
        : roll < 0.36
          ? "redeemed"
          : "active";
    const hasCooperative = rand() < 0.6;
    return {
      metadata: {
        batch_code: `${o.code}-${region
          .slice(0, 3)
          .toUpperCase()
          .replace(/[^A-Z]/g, "X")}-${year}-${String(serial).padStart(4, "0")}`,
        origin_country: o.country,
        region,
        farm: hasCooperative ? undefined : pick(o.farms),
        cooperative: hasCooperative ? pick(o.cooperatives) : undefined,
        variety: pick(o.varieties),
        process: pick(o.processes),
        altitude_m: Math.round(between(...o.altitude) / 10) * 10,
        harvest_date: iso(harvest),
        warehouse: pick(warehouses),
        cupping_score: between(80, o.country === "Panama" ? 93 : 89).toFixed(2),
        moisture_pct: between(9.5, 12).toFixed(1),
      },
      quantityKg: `${bags * o.bagKg}.${String(Math.floor(rand() * 1000)).padStart(3, "0")}`,
      pricePerKg: between(...o.price).toFixed(2),
      productionDate: iso(production),
      expiryDate: iso(expiry),
      state,
    };
  });
}
