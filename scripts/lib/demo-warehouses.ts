// The warehouses the demo batches lie in (their metadata names them), so the ledger files each
// minted batch under a warehouse code. Inserted once; an admin's edits are kept.
import type { Db } from "../../lib/db";
import { warehouses } from "../../lib/db/schema";

export const demoWarehouses = [
  {
    code: "ANR-BND",
    name: "Antwerp Bonded",
    country: "Belgium",
    address: "Haven 1025, Kaaiweg 8, 2030 Antwerpen",
    capacityKg: "1500000",
  },
  {
    code: "HAM-PRT",
    name: "Hamburg Port",
    country: "Germany",
    address: "Sandtorkai 36, 20457 Hamburg",
    capacityKg: "1200000",
  },
  {
    code: "RTM-FRP",
    name: "Rotterdam Freeport",
    country: "Netherlands",
    address: "Waalhaven O.z. 81, 3087 BM Rotterdam",
    capacityKg: "1500000",
  },
  {
    code: "OAK-BAY",
    name: "Oakland Bay",
    country: "United States",
    address: "2225 7th St, Oakland, CA 94607",
    capacityKg: "1000000",
  },
  {
    code: "NJ-PRT",
    name: "New Jersey Port",
    country: "United States",
    address: "1210 Corbin St, Elizabeth, NJ 07201",
    capacityKg: "1000000",
  },
  {
    code: "JIB-TRN",
    name: "Djibouti Transit",
    country: "Djibouti",
    address: "Port de Djibouti, Djibouti",
    capacityKg: "800000",
  },
  {
    code: "SSZ-PRT",
    name: "Santos Port",
    country: "Brazil",
    address: "Av. Cândido Gaffrée, Santos - SP, 11013-240",
    capacityKg: "1200000",
  },
];

export async function ensureDemoWarehouses(db: Db): Promise<void> {
  await db.insert(warehouses).values(demoWarehouses).onConflictDoNothing();
}
