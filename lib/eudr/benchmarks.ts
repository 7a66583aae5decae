// The EU's country benchmark under the Deforestation Regulation (EU) 2023/1115, Article 29: each
// country's risk of producing commodities that are not deforestation-free is low, standard or high.
//
// Source: Commission Implementing Regulation (EU) 2025/1093 of 22 May 2025 (OJ L, 23.5.2025),
// Annex: high risk Belarus, Myanmar/Burma, North Korea, Russia; low risk the EU member states and
// the other listed countries; every country it does not list is standard. Checked 2026-11-30.
// Only the low-risk countries a coffee trader meets are listed here; a country missing from this
// table is standard, the Regulation's own default, so a gap never lowers a risk.
import type { eudrBenchmarks } from "@/lib/db/enums";

export type Benchmark = (typeof eudrBenchmarks)[number];

export const benchmarkSource = {
  act: "Commission Implementing Regulation (EU) 2025/1093",
  date: "2025-05-22",
  checked: "2026-11-30",
} as const;

const high = ["BY", "KP", "MM", "RU"];

// The 27 member states, then the low-risk third countries roasters and importers trade through.
const low = [
  ...["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT"],
  ...["LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"],
  ...["AU", "CA", "CH", "CN", "GB", "IS", "JP", "KR", "LI", "NO", "NZ", "US"],
];

/**
 * Coffee origins the table names explicitly as standard (the Annex does not list them as low or
 * high), so a reader sees they were looked at rather than left to the default.
 */
const standard = [
  ...["BR", "BI", "CO", "CR", "EC", "ET", "GT", "HN", "ID", "IN", "JM", "KE", "LA", "MX", "NI", "PA"],
  ...["PE", "PG", "RW", "SV", "TZ", "UG", "VN", "YE", "ZM"],
];

const table = new Map<string, Benchmark>([
  ...standard.map((c) => [c, "standard"] as const),
  ...low.map((c) => [c, "low"] as const),
  ...high.map((c) => [c, "high"] as const),
]);

/** The country's benchmark by ISO 3166-1 alpha-2 code; a country not in the table is standard. */
export const benchmarkOf = (country: string): Benchmark => table.get(country.toUpperCase()) ?? "standard";
