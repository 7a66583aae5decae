// The one place that converts between on-chain integers and off-chain decimals.
// On chain: quantities in grams, prices in US cents per kg, dates in unix seconds.

function toUnits(decimal: string, scale: number, what: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match || (match[2]?.length ?? 0) > scale)
    throw new RangeError(`${what} must be a non-negative decimal with at most ${scale} decimals: ${decimal}`);
  return BigInt(match[1] + (match[2] ?? "").padEnd(scale, "0"));
}

function fromUnits(units: bigint, scale: number): string {
  if (units < 0n) throw new RangeError(`negative amount: ${units}`);
  const digits = units.toString().padStart(scale + 1, "0");
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

export const kgToGrams = (kg: string) => toUnits(kg, 3, "quantity in kg");
export const gramsToKg = (grams: bigint) => fromUnits(grams, 3);
export const usdToCents = (usd: string) => toUnits(usd, 2, "price in USD");
export const centsToUsd = (cents: bigint) => fromUnits(cents, 2);

export function dateToUnix(isoDate: string): bigint {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(ms)) throw new RangeError(`not a date: ${isoDate}`);
  return BigInt(ms / 1000);
}

export function unixToDate(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}
export const pctToThousandths = (pct: string) => toUnits(pct, 3, "percentage");
export const thousandthsToPct = (thousandths: bigint) => fromUnits(thousandths, 3);

/** Warehouse and reason codes travel on chain as bytes32: ASCII, right-padded with zeros. */
export function codeToBytes32(code: string): `0x${string}` {
  if (!/^[\x20-\x7e]{0,32}$/.test(code)) throw new RangeError(`a code must be at most 32 ASCII characters: ${code}`);
  return `0x${Buffer.from(code, "ascii").toString("hex").padEnd(64, "0")}`;
}

export function bytes32ToCode(hex: string): string {
  return Buffer.from(hex.slice(2), "hex").toString("ascii").replace(/\0+$/, "");
}
