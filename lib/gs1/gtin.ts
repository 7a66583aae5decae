// GTIN-14s for the coffee Batchtrail labels: the GS1 company prefix, an item reference per origin
// country (its ISO 3166 numeric code), and the check digit. Client-safe: no env, no database.
import { originNumbers } from "./origins";

/** The GS1 check digit of a key's digits without it (mod 10, weights 3 and 1 from the right). */
export function checkDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error(`Not a run of digits: ${digits}`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

export const isValidGtin = (gtin: string): boolean =>
  /^\d{14}$/.test(gtin) && checkDigit(gtin.slice(0, 13)) === gtin[13];

/** The item reference for an origin country: its ISO numeric code, 0 for a country not in the list. */
export const itemReferenceFor = (originCountry: string): number => originNumbers[originCountry.trim()] ?? 0;

/**
 * The GTIN-14 of green coffee from `originCountry`: indicator 0, the company prefix, the item
 * reference padded to fill 12 digits, the check digit.
 */
export function gtinFor(companyPrefix: string, originCountry: string): string {
  if (!/^\d{6,9}$/.test(companyPrefix)) throw new Error(`Not a GS1 company prefix: ${companyPrefix}`);
  const body = `0${companyPrefix}${String(itemReferenceFor(originCountry)).padStart(12 - companyPrefix.length, "0")}`;
  return body + checkDigit(body);
}

/** A GLN (13 digits) for the company's one location reference 0, which warehouses extend (AI 254). */
export function companyGln(companyPrefix: string): string {
  const body = companyPrefix.padEnd(12, "0");
  return body + checkDigit(body);
}
