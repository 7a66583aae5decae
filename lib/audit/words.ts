// An audit record's before and after in the units people read: chain events carry grams, unix
// seconds and cents, which are shown as kg, dates and USD; nested values as "name: value" lists.
import { centsToUsd, gramsToKg, unixToDate } from "@/lib/chain/units";

const grams = new Set(["quantity", "amount", "minted", "redeemed", "oldQuantity", "newQuantity"]);
const seconds = new Set(["productionDate", "expiryDate", "verifiedAt", "expiredAt", "asOf"]);
const cents = new Set(["pricePerKg"]);
const isInteger = (v: unknown): v is string | number =>
  (typeof v === "string" && /^\d+$/.test(v)) || (typeof v === "number" && Number.isInteger(v));

/** "pricePerKg" and "verification_status" as "price per kg" and "verification status". */
export const fieldWords = (key: string) =>
  key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);

/** One value as a person reads it; `isChain` when it comes from a chain event's arguments. */
export function valueWords(key: string, value: unknown, isChain: boolean): string {
  if (value === null || value === undefined) return "—";
  if (isChain && isInteger(value)) {
    if (grams.has(key)) return `${gramsToKg(BigInt(value))} kg`;
    if (seconds.has(key)) return unixToDate(BigInt(value));
    if (cents.has(key)) return `$${centsToUsd(BigInt(value))}`;
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value))
    return value
      .map((v) =>
        isCheck(v)
          ? `${v.name} ${v.passed ? "passed" : v.isMissing ? "not made" : "failed"}`
          : valueWords(key, v, isChain),
      )
      .join(", ");
  if (typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => `${fieldWords(k)}: ${valueWords(k, v, isChain)}`)
      .join(", ");
  return String(value).replace(/_/g, " ");
}

const isCheck = (v: unknown): v is { name: string; passed: boolean; isMissing?: boolean } =>
  typeof v === "object" && v !== null && "name" in v && "passed" in v;
