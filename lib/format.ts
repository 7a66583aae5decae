// Formats exact decimal strings for display without passing them through floats.
export function formatDecimal(value: string | null, decimals?: number): string {
  if (value === null) return "—";
  const [whole, fraction = ""] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const digits = decimals === undefined ? fraction.replace(/0+$/, "") : fraction.padEnd(decimals, "0").slice(0, decimals);
  return digits ? `${grouped}.${digits}` : grouped;
}

export const humanize = (value: string) => value.replace(/_/g, " ");
