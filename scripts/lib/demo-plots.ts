// Realistic plots for the demo batches, in their real growing regions: small farms as points with a
// declared area up to 4 ha, estates as polygons, shares summing to 100%. Deterministic per batch code,
// so every fresh stack (and the DDS fixture test) builds the same plots. A few are deliberately wrong
// (a 9 ha point, 4-decimal coordinates, a ring that crosses itself) and a few batches have none, so
// the EUDR views show every state.
import type { PlotGeometry } from "../../lib/eudr/geometry";
import { seededRandom } from "./random";

/** ISO 3166-1 alpha-2 codes of the demo origins (scripts/lib/demo-batches.ts). */
export const originCodes: Record<string, string> = {
  Ethiopia: "ET",
  Colombia: "CO",
  Kenya: "KE",
  Brazil: "BR",
  Guatemala: "GT",
  Honduras: "HN",
  Peru: "PE",
  Rwanda: "RW",
  "Costa Rica": "CR",
  Indonesia: "ID",
  Panama: "PA",
};

/** A coffee-growing town in each demo region, [longitude, latitude] (rounded from public gazetteers). */
export const regionCentres: Record<string, [number, number]> = {
  Yirgacheffe: [38.205, 6.162],
  Sidama: [38.83, 6.55],
  Guji: [38.9, 5.75],
  Limu: [37.15, 7.95],
  Huila: [-76.05, 1.85],
  Nariño: [-77.13, 1.6],
  Cauca: [-76.6, 2.44],
  Tolima: [-75.64, 3.2],
  Nyeri: [36.95, -0.42],
  Kirinyaga: [37.3, -0.5],
  Kiambu: [36.83, -1.05],
  "Murang'a": [37.15, -0.72],
  "Cerrado Mineiro": [-46.99, -18.94],
  "Sul de Minas": [-45.45, -21.55],
  Mogiana: [-47.4, -20.54],
  "Chapada Diamantina": [-41.77, -13.15],
  Huehuetenango: [-91.47, 15.32],
  Antigua: [-90.73, 14.56],
  Acatenango: [-90.94, 14.55],
  Atitlán: [-91.27, 14.69],
  Marcala: [-88.03, 14.15],
  "Santa Bárbara": [-88.23, 14.92],
  Copán: [-88.87, 14.84],
  Cajamarca: [-78.81, -5.71],
  Amazonas: [-77.5, -6.4],
  Cusco: [-72.69, -12.86],
  Nyamasheke: [29.1, -2.33],
  Huye: [29.74, -2.6],
  Rutsiro: [29.33, -1.95],
  Tarrazú: [-84.03, 9.66],
  "West Valley": [-84.38, 10.05],
  "Central Valley": [-84.12, 10.0],
  "Aceh Gayo": [96.85, 4.62],
  "North Sumatra": [98.8, 2.28],
  Toraja: [119.85, -3.0],
  Boquete: [-82.44, 8.78],
  Volcán: [-82.64, 8.77],
};

export type DemoBatchPlace = {
  batch_code: string;
  origin_country: string;
  region?: string | null;
  farm?: string | null;
  cooperative?: string | null;
};

export type DemoPlot = {
  reference: string;
  producer_name: string;
  country: string;
  region: string | null;
  geometry: PlotGeometry;
  /** Declared for a point; null for a polygon (computed when stored). */
  area_ha: string | null;
  share_pct: string;
};

const givenNames = [
  "Ana",
  "Luis",
  "Marta",
  "José",
  "Abebe",
  "Tigist",
  "Wanjiru",
  "Kamau",
  "Maria",
  "Jean",
  "Aline",
  "Putu",
];
const familyNames = [
  "Rojas",
  "Peña",
  "Gil",
  "Díaz",
  "Bekele",
  "Tadesse",
  "Mwangi",
  "Otieno",
  "Souza",
  "Habimana",
  "Sari",
  "López",
];

/** A string's 32-bit FNV-1a hash: each batch's own seed. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193);
  return h >>> 0;
}

/** Six decimals whose last digit is never 0, so the written number keeps all six. */
const micro = (v: number) => {
  const n = Math.round(v * 1e6);
  return (n % 10 === 0 ? n + 1 : n) / 1e6;
};

/** The plots one demo batch came from (none for some), deterministic in its code; `index` picks the deliberate faults. */
export function demoPlotsFor(batch: DemoBatchPlace, index: number): DemoPlot[] {
  const country = originCodes[batch.origin_country];
  const centre = batch.region ? regionCentres[batch.region] : undefined;
  if (!country || !centre || index % 9 === 4) return [];
  const rand = seededRandom(seedOf(batch.batch_code));
  const count = 1 + Math.floor(rand() * 3);
  const weights = Array.from({ length: count }, () => 1 + Math.floor(rand() * 4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w * 100) / sum));
  shares[0] += 100 - shares.reduce((a, b) => a + b, 0);
  const fault = index % 11 === 3 ? "big-point" : index % 11 === 6 ? "coarse" : index % 11 === 9 ? "crossing" : null;
  return shares.map((share, i) => {
    const lon = centre[0] + (rand() - 0.5) * 0.08;
    const lat = centre[1] + (rand() - 0.5) * 0.08;
    const producer =
      i === 0 && (batch.farm || batch.cooperative)
        ? (batch.farm ?? `${batch.cooperative} member ${givenNames[Math.floor(rand() * givenNames.length)]}`)
        : `${givenNames[Math.floor(rand() * givenNames.length)]} ${familyNames[Math.floor(rand() * familyNames.length)]}`;
    const isEstate = i === 0 && !!batch.farm;
    const base = {
      reference: `${batch.batch_code}-P${i + 1}`,
      producer_name: producer,
      country,
      region: batch.region ?? null,
    };
    const faulty = i === 0 ? fault : null;
    if (faulty === "big-point")
      return {
        ...base,
        geometry: { type: "Point", coordinates: [micro(lon), micro(lat)] },
        area_ha: "9.0",
        share_pct: String(share),
      };
    if (faulty === "coarse")
      return {
        ...base,
        geometry: { type: "Point", coordinates: [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4] },
        area_ha: "2.1",
        share_pct: String(share),
      };
    if (isEstate || faulty === "crossing") {
      // An estate of roughly 5–40 ha: a jittered quadrilateral (its second and third corners swapped makes a bow tie).
      const side = (0.0022 + rand() * 0.004) / 2;
      const corners = [
        [lon - side, lat - side * (0.8 + rand() * 0.3)],
        [lon + side * (0.9 + rand() * 0.2), lat - side],
        [lon + side, lat + side * (0.9 + rand() * 0.2)],
        [lon - side * (0.8 + rand() * 0.3), lat + side],
      ].map(([x, y]) => [micro(x), micro(y)]);
      if (faulty === "crossing") [corners[1], corners[2]] = [corners[2], corners[1]];
      return {
        ...base,
        geometry: { type: "Polygon", coordinates: [[...corners, corners[0]]] },
        area_ha: null,
        share_pct: String(share),
      };
    }
    const area = (0.5 + rand() * 3.4).toFixed(2);
    return {
      ...base,
      geometry: { type: "Point", coordinates: [micro(lon), micro(lat)] },
      area_ha: area,
      share_pct: String(share),
    };
  });
}
