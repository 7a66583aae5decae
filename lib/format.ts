// Formats exact decimal strings for display without passing them through floats.
export function formatDecimal(value: string | null, decimals?: number): string {
  if (value === null) return "—";
  const [whole, fraction = ""] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const digits =
    decimals === undefined ? fraction.replace(/0+$/, "") : fraction.padEnd(decimals, "0").slice(0, decimals);
  return digits ? `${grouped}.${digits}` : grouped;
}

/** The one spelling of an enum value wherever a person reads it: "wet_hulled" is "wet hulled", never "Wet Hulled". */
export const humanize = (value: string) => value.replace(/_/g, " ");

/** A day count from today as people say it: "today", "tomorrow", "in 5 days", "yesterday", "3 days ago". */
export function fromToday(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
