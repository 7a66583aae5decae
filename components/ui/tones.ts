// The one tone registry: every status, severity, grade, risk and outcome the app shows maps to one tone here.
export const toneStyles = {
  green: {
    badge: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
    text: "text-emerald-800 dark:text-emerald-300",
    dot: "bg-emerald-500",
    box: "border-emerald-300 bg-white dark:border-emerald-800 dark:bg-stone-900",
  },
  blue: {
    badge: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200",
    text: "text-sky-800 dark:text-sky-300",
    dot: "bg-sky-500",
    box: "border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/30",
  },
  amber: {
    badge: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
    text: "text-amber-800 dark:text-amber-300",
    dot: "bg-amber-500",
    box: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/30",
  },
  orange: {
    badge: "bg-orange-100 text-orange-800 dark:bg-orange-900/50 dark:text-orange-200",
    text: "text-orange-800 dark:text-orange-300",
    dot: "bg-orange-500",
    box: "border-orange-300 bg-orange-50 dark:border-orange-700 dark:bg-orange-950/30",
  },
  red: {
    badge: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
    text: "text-red-800 dark:text-red-300",
    dot: "bg-red-600",
    box: "border-red-400 bg-red-50 dark:border-red-700 dark:bg-red-950/40",
  },
  gray: {
    badge: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300",
    text: "text-stone-600 dark:text-stone-400",
    dot: "bg-stone-400",
    box: "border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900",
  },
} as const;

export type Tone = keyof typeof toneStyles;

// Good and done → green; in progress → blue; waiting or worth a look → amber; high → orange; bad → red; inert → gray.
const tones: Record<string, Tone> = {
  // batch status
  active: "blue",
  verified: "green",
  flagged: "red",
  expired: "amber",
  redeemed: "gray",
  draft: "gray",
  pending_mint: "amber",
  // verification status, requests and outcomes
  unverified: "gray",
  pending: "amber",
  approved: "green",
  rejected: "red",
  passed: "green",
  failed: "red",
  incomplete: "amber",
  // sync status and sync jobs
  synced: "green",
  out_of_sync: "amber",
  error: "red",
  queued: "blue",
  running: "blue",
  paused: "amber",
  succeeded: "green",
  // transactions and chain events
  mined: "green",
  reverted: "red",
  replaced: "amber",
  dropped: "red",
  processed: "green",
  reorged: "gray",
  // Chainlink request stages
  sent: "amber",
  answered: "blue",
  fulfilled: "green",
  applied: "green",
  // orders, their reservations and shipments
  confirmed: "blue",
  reserved: "blue",
  shipping: "blue",
  shipped: "green",
  delivered: "green",
  indexed: "green",
  cancelled: "gray",
  released: "gray",
  refunded: "amber",
  // returns, and what becomes of returned coffee
  requested: "amber",
  receiving: "blue",
  received: "blue",
  inspected: "blue",
  deciding: "blue",
  closed: "green",
  resell: "green",
  downgrade: "amber",
  blend: "blue",
  return_to_producer: "gray",
  destroy: "red",
  // alerts
  open: "amber",
  resolved: "green",
  // severity and risk
  low: "green",
  medium: "amber",
  high: "orange",
  critical: "red",
  // quality grades
  specialty: "green",
  premium: "blue",
  exchange: "amber",
  below_standard: "red",
  // a provenance proof checked against the chain
  not_anchored: "amber",
  unreachable: "gray",
  mismatch: "red",
  // health of a dependency
  ok: "green",
  degraded: "amber",
  down: "red",
  // webhook endpoints (active and paused as above)
  disabled: "red",
  // kinds of dashboard activity
  audit: "gray",
  event: "blue",
  alert: "red",
  verification: "green",
  sync: "amber",
};

/** Whether the registry names this value (anything it does not name shows gray). */
export const hasTone = (value: string) => Object.hasOwn(tones, value);

/** The tone of a status, severity, grade, risk or outcome value; gray for anything unknown. */
export const toneOf = (value: string | null | undefined): Tone => (value && hasTone(value) ? tones[value] : "gray");

/** A 0–100 fraud score: 75 and up is high risk, 50 and up is worth a look. */
export const scoreTone = (score: number): Tone => (score >= 75 ? "red" : score >= 50 ? "amber" : "green");
