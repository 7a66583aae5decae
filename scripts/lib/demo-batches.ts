// Realistic green-coffee batches, generated from a fixed seed so every fresh stack looks the same.
import type { BatchMetadata } from "../../lib/batches/metadata";
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

export const origins: Origin[] = [
  {
    country: "Ethiopia",
    code: "ETH",
    regions: ["Yirgacheffe", "Sidama", "Guji", "Limu"],
    farms: ["Konga Station", "Bensa Washing Station", "Hambela Estate", "Chelchele Station"],
    cooperatives: ["Yirgacheffe Coffee Farmers Union", "Sidama Coffee Farmers Union", "Oromia Coffee Farmers Union"],
    varieties: ["Heirloom", "Kurume", "Wolisho", "74110"],
    processes: ["washed", "natural"],
    altitude: [1850, 2300],
    bagKg: 60,
    price: [6.2, 11.5],
    harvestMonth: 11,
  },
  {
    country: "Colombia",
    code: "COL",
    regions: ["Huila", "Nariño", "Cauca", "Tolima"],
    farms: ["Finca El Paraíso", "Finca La Esperanza", "Finca Monteblanco", "Finca Las Flores"],
    cooperatives: ["Coocentral", "Cooperativa de Caficultores del Huila", "Asprounión"],
    varieties: ["Caturra", "Castillo", "Pink Bourbon", "Colombia"],
    processes: ["washed", "honey", "anaerobic"],
    altitude: [1600, 2100],
    bagKg: 70,
    price: [5.4, 12.8],
    harvestMonth: 5,
  },
  {
    country: "Kenya",
    code: "KEN",
    regions: ["Nyeri", "Kirinyaga", "Kiambu", "Murang'a"],
    farms: ["Gatomboya Factory", "Karimikui Factory", "Kamwangi Factory"],
    cooperatives: ["Othaya Farmers Cooperative", "Rung'eto Farmers Cooperative", "Mutira Farmers Cooperative"],
    varieties: ["SL28", "SL34", "Ruiru 11", "Batian"],
    processes: ["washed"],
    altitude: [1700, 1950],
    bagKg: 60,
    price: [7.5, 13.5],
    harvestMonth: 12,
  },
  {
    country: "Brazil",
    code: "BRA",
    regions: ["Cerrado Mineiro", "Sul de Minas", "Mogiana", "Chapada Diamantina"],
    farms: ["Fazenda Santa Inês", "Fazenda Ambiental Fortaleza", "Fazenda Primavera"],
    cooperatives: ["Cooxupé", "Expocaccer", "Minasul"],
    varieties: ["Yellow Catuaí", "Red Catuaí", "Mundo Novo", "Yellow Bourbon"],
    processes: ["natural", "honey"],
    altitude: [950, 1300],
    bagKg: 60,
    price: [3.9, 7.2],
    harvestMonth: 7,
  },
  {
    country: "Guatemala",
    code: "GTM",
    regions: ["Huehuetenango", "Antigua", "Acatenango", "Atitlán"],
    farms: ["Finca El Injerto", "Finca La Bolsa", "Finca San Sebastián"],
    cooperatives: ["Asociación Barillense", "Cooperativa Todosanterita"],
    varieties: ["Bourbon", "Caturra", "Pache", "Catuaí"],
    processes: ["washed"],
    altitude: [1400, 2000],
    bagKg: 69,
    price: [5.6, 10.4],
    harvestMonth: 2,
  },
  {
    country: "Honduras",
    code: "HND",
    regions: ["Marcala", "Santa Bárbara", "Copán"],
    farms: ["Finca El Puente", "Finca Las Moras"],
    cooperatives: ["COMSA", "Cooperativa Cafetalera San Marcos"],
    varieties: ["Parainema", "Lempira", "Catuaí", "Pacas"],
    processes: ["washed", "honey"],
    altitude: [1300, 1750],
    bagKg: 69,
    price: [4.8, 8.9],
    harvestMonth: 2,
  },
  {
    country: "Peru",
    code: "PER",
    regions: ["Cajamarca", "Amazonas", "Cusco"],
    farms: ["Finca La Palestina", "Finca El Mirador"],
    cooperatives: ["CENFROCAFE", "Cooperativa Agraria Cafetalera Sol y Café"],
    varieties: ["Typica", "Caturra", "Bourbon"],
    processes: ["washed"],
    altitude: [1500, 2050],
    bagKg: 69,
    price: [4.6, 8.1],
    harvestMonth: 7,
  },
  {
    country: "Rwanda",
    code: "RWA",
    regions: ["Nyamasheke", "Huye", "Rutsiro"],
    farms: ["Kanzu Washing Station", "Huye Mountain Station"],
    cooperatives: ["Abakundakawa Cooperative", "Kopakama Cooperative"],
    varieties: ["Red Bourbon"],
    processes: ["washed", "natural"],
    altitude: [1650, 2000],
    bagKg: 60,
    price: [6.0, 9.8],
    harvestMonth: 5,
  },
  {
    country: "Costa Rica",
    code: "CRI",
    regions: ["Tarrazú", "West Valley", "Central Valley"],
    farms: ["Finca La Pastora", "Hacienda Sonora", "Las Lajas Micromill"],
    cooperatives: ["CoopeTarrazú", "CoopeDota"],
    varieties: ["Caturra", "Catuaí", "Villa Sarchí"],
    processes: ["honey", "washed", "natural"],
    altitude: [1200, 1900],
    bagKg: 69,
    price: [6.8, 12.0],
    harvestMonth: 1,
  },
  {
    country: "Indonesia",
    code: "IDN",
    regions: ["Aceh Gayo", "North Sumatra", "Toraja"],
    farms: ["Pantan Musara Mill", "Kerinci Kayu Aro"],
    cooperatives: ["Koperasi Permata Gayo", "Koperasi Ketiara"],
    varieties: ["Ateng", "Tim Tim", "Typica"],
    processes: ["wet_hulled"],
    altitude: [1200, 1600],
    bagKg: 60,
    price: [4.9, 8.2],
    harvestMonth: 10,
  },
  {
    country: "Panama",
    code: "PAN",
    regions: ["Boquete", "Volcán"],
    farms: ["Hacienda La Esmeralda", "Finca Deborah", "Elida Estate"],
    cooperatives: ["Boquete Specialty Growers"],
    varieties: ["Geisha", "Catuaí"],
    processes: ["washed", "natural"],
    altitude: [1600, 2000],
    bagKg: 30,
    price: [28.0, 85.0],
    harvestMonth: 3,
  },
];

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
